package org.example.restaurant.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/**
 * Requests written to the gateway's socket as they are, for what {@code WebTestClient}
 * cannot send: a request target that is no URI, or a request from another client address
 * of the loopback range.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request from {@code localhost}.
	 * @param port the gateway's port
	 * @param requestLine the method and the target, such as {@code GET /api/menu}
	 * @param headers the headers beside {@code Host} and {@code Connection: close}, each
	 * as {@code Name: value}
	 * @return the answer
	 * @throws IOException if the gateway cannot be reached
	 */
	static Response send(int port, String requestLine, String... headers) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			return exchange(socket, requestLine, headers);
		}
	}

	/**
	 * Sends a request from a client address of the loopback range.
	 * @param clientAddress the address, such as {@code 127.0.0.2}
	 * @param port the gateway's port
	 * @param requestLine the method and the target
	 * @param headers the headers beside {@code Host} and {@code Connection: close}
	 * @return the answer
	 * @throws IOException if the gateway cannot be reached
	 */
	static Response sendFrom(String clientAddress, int port, String requestLine, String... headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(clientAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			return exchange(socket, requestLine, headers);
		}
	}

	private static Response exchange(Socket socket, String requestLine, String... headers) throws IOException {
		socket.setSoTimeout(10_000);
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
		String[] response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n",
				2);
		String[] lines = response[0].split("\r\n");
		HttpHeaders answerHeaders = new HttpHeaders();
		for (int i = 1; i < lines.length; i++) {
			String[] header = lines[i].split(":", 2);
			answerHeaders.add(header[0].trim(), header[1].trim());
		}
		return new Response(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, response[1]);
	}

	/** An answer as read off the socket. */
	record Response(int status, HttpHeaders headers, String body) {

	}

}
