package org.example.restaurant.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/**
 * Requests written to the gateway's socket as they are, for what {@code WebTestClient}
 * cannot send: a request target that is no URI, a request from another client address of
 * the loopback range, or requests that follow each other on one kept-alive connection at
 * the moments a test chooses ({@link KeepAlive}).
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

	/**
	 * Opens a connection to the gateway that stays open from request to request, as a
	 * browser's does.
	 * @param port the gateway's port
	 * @return the connection
	 * @throws IOException if the gateway cannot be reached
	 */
	static KeepAlive keepAlive(int port) throws IOException {
		return new KeepAlive(new Socket("localhost", port));
	}

	/**
	 * One kept-alive connection: requests without a body are written to it, several in
	 * one write if the test asks (pipelined), and answers read off it one by one. An
	 * answer that does not come within 20 s fails the read (the gateway's own limit for a
	 * call of a service, retries included, is 10 s).
	 */
	static final class KeepAlive implements Closeable {

		private final Socket socket;

		private final InputStream in;

		private KeepAlive(Socket socket) throws IOException {
			this.socket = socket;
			socket.setSoTimeout(20_000);
			this.in = new BufferedInputStream(socket.getInputStream());
		}

		/**
		 * Writes the requests, in one write.
		 * @param requestLines the method and the target of each, such as
		 * {@code GET /api/menu}
		 * @throws IOException if the connection is gone
		 */
		void write(String... requestLines) throws IOException {
			StringBuilder requests = new StringBuilder();
			for (String requestLine : requestLines) {
				requests.append(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
			}
			this.socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
			this.socket.getOutputStream().flush();
		}

		/**
		 * Reads the next answer, its body delimited by its {@code Content-Length} or
		 * chunked.
		 * @return the answer
		 * @throws IOException if it does not come within 20 s, or the connection closes
		 */
		Response read() throws IOException {
			String[] lines = readHead().split("\r\n");
			HttpHeaders headers = new HttpHeaders();
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":", 2);
				headers.add(header[0].trim(), header[1].trim());
			}
			byte[] body;
			if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				for (int size = chunkSize(); size > 0; size = chunkSize()) {
					chunks.write(this.in.readNBytes(size));
					readLine();
				}
				readLine();
				body = chunks.toByteArray();
			}
			else {
				String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
				body = this.in.readNBytes((length != null) ? Integer.parseInt(length) : 0);
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers,
					new String(body, StandardCharsets.UTF_8));
		}

		private String readHead() throws IOException {
			StringBuilder head = new StringBuilder();
			for (String line = readLine(); !line.isEmpty(); line = readLine()) {
				head.append(line).append("\r\n");
			}
			return head.toString();
		}

		private int chunkSize() throws IOException {
			return Integer.parseInt(readLine().split(";", 2)[0].trim(), 16);
		}

		private String readLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new IOException("The gateway closed the connection");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** An answer as read off the socket. */
	record Response(int status, HttpHeaders headers, String body) {

	}

}
