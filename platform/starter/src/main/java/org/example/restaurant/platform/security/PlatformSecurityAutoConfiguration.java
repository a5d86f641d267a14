package org.example.restaurant.platform.security;

import java.util.List;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;
import org.example.restaurant.platform.client.ServiceClientProperties;
import org.example.restaurant.platform.client.ServiceClientsAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Every service is an OAuth2 resource server (docs/security.md): it checks each token
 * again, whatever the gateway did, so a service reached on its own port is no way round.
 * <ul>
 * <li>Tokens are JWTs of the staff-service: the signature against its JWKS, found by name
 * ({@code restaurant.security.jwk-set-uri}, load-balanced, kept and fetched again for an
 * unknown {@code kid}), the issuer ({@code restaurant.security.issuer}) and the
 * expiry.</li>
 * <li>{@code /internal/**} takes only service tokens, {@code /api/**} only staff tokens;
 * which role or scope an operation needs is the service's, by method security
 * ({@code @PreAuthorize("hasRole('WAITER')")}, {@code hasAuthority('SCOPE_bills.open')}),
 * with {@link Roles#hierarchy()}. {@code restaurant.security.public-paths} need no token;
 * health, info and the Prometheus metrics never do (the gateway routes no
 * {@code /actuator/**}).</li>
 * <li>401 and 403 are problem+json ({@link SecurityProblems}).</li>
 * <li>With {@code restaurant.security.client.secret}, the service's calls to others carry
 * its own token ({@link ServiceCredentials}).</li>
 * </ul>
 * Stateless: no session, no CSRF token (no cookies, only bearer tokens).
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class, ServiceClientsAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class, DeferringLoadBalancerInterceptor.class })
@EnableConfigurationProperties({ SecuritySettings.class, ServiceClientProperties.class })
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private static final Logger log = LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

	@Bean
	static RoleHierarchy roleHierarchy() {
		return Roles.hierarchy();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityProblems securityProblems(JsonMapper json) {
		return new SecurityProblems(json);
	}

	@Bean
	AccessDeniedAdvice accessDeniedAdvice(SecurityProblems problems) {
		return new AccessDeniedAdvice(problems);
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder jwtDecoder(SecuritySettings settings, ServiceClientProperties timeouts,
			ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer) {
		RestTemplate keys = new RestTemplate(ServiceClientsAutoConfiguration.requestFactory(timeouts));
		loadBalancer.ifAvailable(keys.getInterceptors()::add);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
			.restOperations(keys)
			.cache(new ConcurrentMapCache("jwks"))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
		return new VerifiedTokens(decoder, new VerifiedTokenCache());
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 100)
	@ConditionalOnMissingBean(name = "restaurantSecurityFilterChain")
	SecurityFilterChain restaurantSecurityFilterChain(HttpSecurity http, SecuritySettings settings,
			SecurityProblems problems) throws Exception {
		if (!settings.client().configured() && !settings.client().scopes().isEmpty()) {
			log.warn("No restaurant.security.client.secret: this service calls others without a token, and they"
					+ " refuse its messages (which wait in the outbox)");
		}
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
							"/actuator/prometheus", "/error")
					.permitAll();
				// the service's OpenAPI description (platform.openapi)
				requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
				for (String path : settings.publicPaths()) {
					String[] parts = path.trim().split("\\s+", 2);
					if (parts.length == 2) {
						requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
					}
					else {
						requests.requestMatchers(parts[0]).permitAll();
					}
				}
				requests.requestMatchers("/internal/**").access(tokenOf("service"));
				requests.requestMatchers("/api/**").access(tokenOf("staff"));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new TokenAuthorities()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> tokenOf(String kind) {
		return (authentication, context) -> {
			var auth = authentication.get();
			boolean granted = TRUST.isAuthenticated(auth)
					&& ("service".equals(kind) ? TokenAuthorities.isService(auth.getAuthorities())
							: TokenAuthorities.isStaff(auth.getAuthorities()));
			return new AuthorizationDecision(granted);
		};
	}

	@Bean
	@ConditionalOnClass(ClientRegistration.class)
	@ConditionalOnProperty("restaurant.security.client.secret")
	@ConditionalOnMissingBean
	ServiceCredentials serviceCredentials(SecuritySettings settings, ServiceClientProperties timeouts,
			ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer, Environment environment) {
		SecuritySettings.Client client = settings.client();
		String id = (client.id() != null) ? client.id() : environment.getProperty("spring.application.name");
		ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceCredentials.REGISTRATION_ID)
			.clientId(id)
			.clientSecret(client.secret())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(List.copyOf(client.scopes()))
			.tokenUri(client.tokenUri().toString())
			.build();
		RestClient.Builder tokens = RestClient.builder()
			.requestFactory(ServiceClientsAutoConfiguration.requestFactory(timeouts))
			.messageConverters((converters) -> {
				converters.add(0, new FormHttpMessageConverter());
				converters.add(1, new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler());
		loadBalancer.ifAvailable(tokens::requestInterceptor);
		return new ServiceCredentials(registration, tokens.build());
	}

}
