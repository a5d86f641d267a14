package org.example.restaurant.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.example.restaurant.platform.catalogue.ProblemTitle;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Answers a request whose target is no well-formed URI (a {@code %} without two hex
 * digits after it, a space or a {@code |} in the path) with a 400 problem. Spring's
 * adapter for the Netty server refuses such a request before any filter or error handler
 * of the gateway runs, with an empty 400, so this route looks at the target first, in
 * front of the adapter.
 */
@Component
class MalformedRequestTarget implements NettyRouteProvider {

	private final JsonMapper json;

	/** The gateway's own instance id, which marks every answer it makes itself. */
	private final String instanceId;

	MalformedRequestTarget(JsonMapper json, InstanceIdFilter instanceIds) {
		this.json = json;
		this.instanceId = instanceIds.instanceId();
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> malformation(request.uri()) != null, this::refuse);
	}

	private Publisher<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
		URISyntaxException malformation = malformation(request.uri());
		if (malformation == null) {
			// Cannot happen: the route matched on it.
			return Mono.error(new IllegalStateException("Not malformed: " + request.uri()));
		}
		int query = request.uri().indexOf('?');
		boolean inQuery = query >= 0 && malformation.getIndex() > query;
		String message = "is not well-formed: " + malformation.getReason().toLowerCase(Locale.ROOT) + " at index "
				+ malformation.getIndex() + "; write a '%' as %25, and percent-encode spaces and characters such"
				+ " as | { } \" < >";
		ProblemDetail problem = ProblemErrorHandler.invalid(inQuery ? "query" : "path", message);
		problem.setTitle(ProblemTitle.of(HttpStatus.BAD_REQUEST));
		problem.setInstance(URI.create(wellFormedPath(request.uri())));
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.status(HttpStatus.BAD_REQUEST.value())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
			.header(InstanceIdFilter.HEADER, this.instanceId)
			.sendByteArray(Mono.just(body));
	}

	/** Why the request target is no URI, or {@code null} if it is one. */
	static URISyntaxException malformation(String target) {
		try {
			new URI(target);
			return null;
		}
		catch (URISyntaxException ex) {
			return ex;
		}
	}

	/**
	 * The path of a malformed target as a URI reference, for {@code instance}: every
	 * character a path cannot hold as it is, and a {@code %} that starts no escape, are
	 * percent-encoded.
	 */
	static String wellFormedPath(String target) {
		int end = target.indexOf('?');
		String path = (end >= 0) ? target.substring(0, end) : target;
		StringBuilder result = new StringBuilder(path.length() + 16);
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
				result.append(c);
			}
			else if (c != '%' && isPathCharacter(c)) {
				result.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					result.append('%')
						.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
						.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
				}
			}
		}
		return result.toString();
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean isPathCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
	}

}
