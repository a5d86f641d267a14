package org.example.restaurant.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.example.restaurant.gateway.web.Refusal;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts each call to the API against the bucket of whoever makes it: a signed-in person
 * by the token's {@code sub} ({@code gateway.rate-limit.per-person} a minute), a call
 * without a token by its client address ({@code gateway.rate-limit.per-address}). It runs
 * after Spring Security, so only a verified token's {@code sub} counts as a person, and a
 * call refused with 401 or 403 costs nothing. The app's files and health are not counted.
 * <p>
 * Every counted answer carries the IETF headers of
 * draft-ietf-httpapi-ratelimit-headers-11 (May 2026),
 * {@code RateLimit-Policy: "per-person";q=600;w=60} and
 * {@code RateLimit: "per-person";r=12;t=30}; a call over the limit is a 429 problem
 * ({@code Too many requests}) with those and {@code Retry-After} in seconds, and never
 * reaches a service.
 * <p>
 * The address is the connection's: the gateway is the edge, and a client could write any
 * {@code X-Forwarded-For} it liked.
 */
final class RateLimitFilter implements WebFilter, Ordered {

	static final String POLICY = "RateLimit-Policy";

	static final String RATE_LIMIT = "RateLimit";

	private final Buckets buckets;

	private final Limit perPerson;

	private final Limit perAddress;

	RateLimitFilter(Buckets buckets, RateLimitSettings settings) {
		this.buckets = buckets;
		this.perPerson = Limit.perPerson(settings.perPerson());
		this.perAddress = Limit.perAddress(settings.perAddress());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isCounted(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((person) -> new Key("person:" + person.getName(), this.perPerson))
			.defaultIfEmpty(new Key("address:" + address(exchange), this.perAddress))
			.flatMap((key) -> this.buckets.consume(key.id(), key.limit()))
			.flatMap((verdict) -> decide(exchange, verdict))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	/** Sets the headers, and for a request over the limit answers the refusal. */
	private Mono<Void> decide(ServerWebExchange exchange, Verdict verdict) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(POLICY, verdict.limit().policyHeader());
		headers.set(RATE_LIMIT, verdict.header());
		if (verdict.allowed()) {
			exchange.getResponse().getHeaders().addAll(headers);
			return Mono.empty();
		}
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.resetSeconds()));
		String who = (verdict.limit() == this.perPerson) ? "you have sent" : "this address has sent without signing in";
		return Mono.error(new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many requests: " + who + " more than "
				+ verdict.limit().quota() + " in a minute; try again after the time in Retry-After.", headers));
	}

	static boolean isCounted(String path) {
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/.well-known/")
				|| path.startsWith("/oauth2/");
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private record Key(String id, Limit limit) {

	}

	@Override
	public int getOrder() {
		// After Spring Security's filter chain (order -100), which verifies the token.
		return -50;
	}

}
