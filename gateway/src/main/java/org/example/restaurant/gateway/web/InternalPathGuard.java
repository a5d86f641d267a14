package org.example.restaurant.gateway.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses paths that could reach a service's {@code /internal/**} endpoints once the
 * service normalises them, such as {@code /api/orders/../../internal/...} or its
 * percent-encoded forms. The routes alone match only public prefixes, but they match the
 * raw path and the gateway forwards it as it came.
 */
@Component
class InternalPathGuard implements WebFilter, Ordered {

	private static final Pattern LONE_PERCENT = Pattern.compile("%(?![0-9a-fA-F]{2})");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isSuspicious(exchange.getRequest().getURI().getRawPath())) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such resource"));
		}
		return chain.filter(exchange);
	}

	static boolean isSuspicious(String rawPath) {
		String path = rawPath;
		// Decode repeatedly: a double-encoded dot is still a dot to some servers.
		for (int i = 0; i < 3; i++) {
			String decoded = decode(path);
			if (decoded.equals(path)) {
				break;
			}
			path = decoded;
		}
		String[] segments = path.replace('\\', '/').toLowerCase().split("/");
		for (String segment : segments) {
			String bare = segment.split(";", 2)[0];
			if (bare.equals("..") || bare.equals(".")) {
				return true;
			}
		}
		// With no dot segments, the path reaches what it names: only a leading
		// "internal" segment is internal (a menu item may well be called "internal").
		return segments.length > 1 && segments[1].split(";", 2)[0].equals("internal");
	}

	private static String decode(String path) {
		if (path.indexOf('%') < 0) {
			return path;
		}
		// A '%' that starts no escape stays a '%', as it does for a server that decodes
		// it; URLDecoder would throw on it (an encoded one such as %2525zz gets here).
		String escaped = LONE_PERCENT.matcher(path.replace("+", "%2B")).replaceAll("%25");
		return URLDecoder.decode(escaped, StandardCharsets.UTF_8);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
