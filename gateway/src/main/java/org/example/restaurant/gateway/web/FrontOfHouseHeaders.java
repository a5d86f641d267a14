package org.example.restaurant.gateway.web;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Headers for the front-of-house app, the static files the gateway serves from
 * {@code classpath:/static/} (the page at {@code /}, its modules and stylesheet). Spring
 * serves them with a bare {@code text/html} or {@code text/javascript}, and the page at
 * {@code /} without {@code Cache-Control}; this adds {@code charset=UTF-8}, makes every
 * file {@code no-cache} (the browser revalidates, so a new release is seen at the next
 * load), forbids content sniffing, and gives the page a Content Security Policy that
 * allows nothing but the app's own files and its own origin's API.
 * <p>
 * Responses of the API ({@code /api/**}) and problems are left as they are.
 */
@Component
class FrontOfHouseHeaders implements WebFilter, Ordered {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
			+ " frame-ancestors 'none'; form-action 'self'";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator")) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			decorate(response.getHeaders());
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static void decorate(HttpHeaders headers) {
		MediaType type = headers.getContentType();
		if (type == null || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
			return;
		}
		if (type.getType().equals("text") && type.getCharset() == null) {
			headers.setContentType(new MediaType(type, StandardCharsets.UTF_8));
		}
		headers.set("X-Content-Type-Options", "nosniff");
		if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			headers.setCacheControl(CacheControl.noCache());
		}
		if (MediaType.TEXT_HTML.isCompatibleWith(type)) {
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("Referrer-Policy", "same-origin");
		}
	}

	@Override
	public int getOrder() {
		// After the guard and the size limit: a refused path never gets here.
		return Ordered.HIGHEST_PRECEDENCE + 3;
	}

}
