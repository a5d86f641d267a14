package org.example.restaurant.gateway.security;

import java.util.List;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;
import org.example.restaurant.gateway.web.Refusal;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * The gateway as an OAuth2 resource server: the first check of who may call what
 * (docs/security.md; every service checks again). Every bearer token is verified, its
 * signature against the staff-service's public keys (found by name through the registry,
 * cached, fetched again for an unknown {@code kid}), its issuer and its expiry; then the
 * role each call needs, the "who" column of docs/api.md, is checked in
 * {@link #authorize}. A call without a token or with a bad one is a 401 problem with
 * {@code WWW-Authenticate: Bearer}, a role that may not a 403 problem. The token goes on
 * to the service unchanged, in its {@code Authorization} header.
 * <p>
 * Stateless: bearer tokens only, so no session, no saved request, no CSRF token (no
 * cookie is ever trusted), no login form. Spring Security's response headers are off: the
 * API passes the services' headers on as they are, and {@code FrontOfHouseHeaders} gives
 * the app's files theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	static final String WAITER = "WAITER";

	static final String COOK = "COOK";

	static final String CASHIER = "CASHIER";

	static final String MANAGER = "MANAGER";

	/** "any staff" in docs/api.md. */
	static final String[] ANY_STAFF = { WAITER, COOK, CASHIER, MANAGER };

	@Bean
	SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
		ProblemEntryPoint entryPoint = new ProblemEntryPoint();
		ServerAccessDeniedHandler denied = (exchange, ex) -> Mono.error(new Refusal(HttpStatus.FORBIDDEN,
				"You are signed in, but your role may not make this call; docs/api.md names who may make each call.",
				HttpHeaders.EMPTY));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(GatewaySecurity::authorize)
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(bearerTokens())
				.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new StaffAuthorities()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(denied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.build();
	}

	/**
	 * Reads the bearer token of every call but the sign-in: a tablet that signs the next
	 * person in may still send the last one's expired token, which must not make the
	 * sign-in fail.
	 */
	private static ServerAuthenticationConverter bearerTokens() {
		ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
		ServerWebExchangeMatcher signIn = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/staff/login");
		return (exchange) -> signIn.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
	}

	/**
	 * The "who" column of docs/api.md, call by call. Anyone: the menu's GETs, signing in,
	 * the staff-service's discovery document and keys, the front-of-house app's files,
	 * liveness and readiness, the management port's endpoints, and the API explorer with
	 * the services' descriptions. A call the matrix does not name needs a staff token,
	 * and the service (or, for a path no route serves, the gateway) answers it: 405 for a
	 * method the API does not have, 404 for a path it does not know.
	 */
	static void authorize(AuthorizeExchangeSpec exchanges) {
		exchanges.pathMatchers(HttpMethod.GET, "/api/menu", "/api/menu/*")
			.permitAll()
			.pathMatchers(HttpMethod.POST, "/api/staff/login")
			.permitAll()
			.pathMatchers(HttpMethod.GET, "/.well-known/openid-configuration", "/oauth2/jwks")
			.permitAll()
			// Any method: the files answer 405 to what they do not take.
			.pathMatchers("/", "/index.html", "/app.css", "/icon.svg", "/js/**")
			.permitAll()
			// Liveness and readiness on the main port (/livez, /readyz), and every
			// endpoint
			// the management port exposes, open as docs/observability.md says: Boot's
			// matchers tell the two ports apart, so the second matches on the management
			// port only.
			.matchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health"),
					EndpointRequest.toAnyEndpoint())
			.permitAll()
			// The main port has no actuator: /actuator/** is a 404 for anyone, signed in
			// or
			// not, as the path does not exist there.
			.pathMatchers("/actuator", "/actuator/**")
			.permitAll()
			// The API explorer and the services' descriptions it shows
			.pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
			.permitAll()
			// Staff and sign-in (staff-service)
			.pathMatchers(HttpMethod.GET, "/api/staff/me")
			.hasAnyRole(ANY_STAFF)
			// The manager's alone: the staff, changes to the menu, and the figures
			.matchers(managersCalls())
			.hasRole(MANAGER)
			// Orders (order-service)
			.pathMatchers(HttpMethod.POST, "/api/orders")
			.hasRole(WAITER)
			.pathMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*")
			.hasAnyRole(ANY_STAFF)
			.pathMatchers(HttpMethod.POST, "/api/orders/*/serve", "/api/orders/*/cancel")
			.hasRole(WAITER)
			// Kitchen (kitchen-service)
			.pathMatchers(HttpMethod.GET, "/api/kitchen/tickets", "/api/kitchen/tickets/*", "/api/kitchen/cluster")
			.hasAnyRole(ANY_STAFF)
			.pathMatchers(HttpMethod.POST, "/api/kitchen/tickets/*/start", "/api/kitchen/tickets/*/ready")
			.hasRole(COOK)
			// Bills and payments (cashier-service)
			.pathMatchers(HttpMethod.GET, "/api/bills", "/api/bills/*", "/api/bills/*/receipt")
			.hasAnyRole(WAITER, CASHIER)
			.pathMatchers(HttpMethod.POST, "/api/bills/*/payments")
			.hasRole(CASHIER)
			.pathMatchers(HttpMethod.GET, "/api/reports/daily")
			.hasRole(CASHIER)
			// Anything else (a method the API does not have, a path no route serves):
			// staff
			// only, and then the service answers it, 405 or 404, guarding every operation
			// it has with its own method security.
			.anyExchange()
			.hasAnyRole(ANY_STAFF);
	}

	/**
	 * The calls only a manager may make: the staff accounts (staff-service), changes to
	 * the menu (order-service), and the figures of the manager's live view, one per
	 * service. Checked before the services' {@code {id}} paths, which "figures" would
	 * otherwise match.
	 */
	private static ServerWebExchangeMatcher managersCalls() {
		return ServerWebExchangeMatchers.matchers(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/staff", "/api/orders/figures",
						"/api/kitchen/figures", "/api/bills/figures"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/staff", "/api/menu"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.PUT, "/api/menu/*"),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.PATCH, "/api/staff/*", "/api/menu/*"));
	}

	/**
	 * Spring Security's firewall, strict but for an encoded {@code %}: a path such as
	 * {@code /api/menu/100%25} names a resource like any other, and the
	 * {@code InternalPathGuard} has refused every path that could reach
	 * {@code /internal/**} before this sees it.
	 */
	@Bean
	StrictServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowUrlEncodedPercent(true);
		return firewall;
	}

	/**
	 * What the firewall refuses (an encoded {@code /} or {@code \} in the path, a
	 * {@code ;}, a control character in a header) is a 400 problem in the one error
	 * shape, not the firewall's empty answer.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedExchanges() {
		return (exchange, ex) -> Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"is refused: its path or headers hold characters the gateway does not pass on (such as an encoded"
						+ " '/' or '\\', a ';', or a control character)"));
	}

	/**
	 * Verifies tokens against the staff-service's keys. The keys are fetched by name
	 * through the registry ({@code http://staff-service/oauth2/jwks}) and kept; a token
	 * with a {@code kid} they lack makes the decoder fetch them again, so a rotated key
	 * is picked up. Only RS256 is accepted, so an unsigned ({@code alg: none}) token
	 * never is.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(SecuritySettings settings,
			ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
		WebClient keys = WebClient.builder()
			.filter(new ReactorLoadBalancerExchangeFilterFunction(loadBalancers, List.of()))
			.build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
			.webClient(keys)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
		// A failure to fetch the keys (no instance, refused, an error answer) is no bad
		// token: as a JwtException that is not a BadJwtException, Spring Security passes
		// it
		// on as an AuthenticationServiceException, which the gateway answers with 503.
		ReactiveJwtDecoder checked = (token) -> decoder.decode(token)
			.onErrorMap((ex) -> !(ex instanceof JwtException),
					(ex) -> new JwtException("The staff-service's keys cannot be fetched", ex));
		return new VerifiedTokens(checked, new VerifiedTokenCache());
	}

}
