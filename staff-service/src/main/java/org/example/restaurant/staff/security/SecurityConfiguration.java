package org.example.restaurant.staff.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The rest of the service, after the authorization server's own chain: an OAuth2 resource
 * server for the staff tokens (the {@code JwtDecoder} over the service's own keys),
 * stateless, {@code roles} and {@code scope} as authorities ({@link RolesAndScopes}),
 * {@code MANAGER} above the other roles, 401/403 as problem+json
 * ({@link ProblemResponses}). Every operation says who may call it with
 * {@code @PreAuthorize}; the filter only lets the sign-in and the health check in without
 * a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	/** After the authorization server's chain, before any other. */
	static final int ORDER = 10;

	@Bean
	@Order(ORDER)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ProblemResponses problems) {
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(new RolesAndScopes());
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/staff/login")
			.permitAll()
			.requestMatchers("/actuator/health/**", "/actuator/info", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(authentication))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	ProblemResponses problemResponses() {
		return new ProblemResponses();
	}

	/** {@code MANAGER} may do everything staff may do (docs/security.md). */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("MANAGER").implies("WAITER", "COOK", "CASHIER").build();
	}

}
