package org.example.restaurant.staff.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.example.restaurant.platform.security.SecuritySettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's authorization server, for the standard endpoints: the OpenID
 * discovery document ({@code /.well-known/openid-configuration}), the JWKS
 * ({@code /oauth2/jwks}) and client credentials for the services ({@code POST
 * /oauth2/token}, {@code client_secret_basic}). Its filter chain comes first and serves
 * only its own endpoints, so the chain of the rest of the service (the resource server of
 * {@code /api/**}, the platform's {@code restaurantSecurityFilterChain}) can come after
 * it. The issuer is the platform's {@code restaurant.security.issuer}, fixed rather than
 * taken from the request: the service is reached under many names (its port, the gateway,
 * {@code http://staff-service} through Eureka) and issues one kind of token.
 * <p>
 * One {@link JWKSource} over the {@link SigningKeys} serves all: the JWKS publishes every
 * key, the {@link JwtEncoder} signs service tokens and staff tokens ({@link StaffTokens})
 * with the first, and the {@link JwtDecoder} checks the tokens of {@code /api/staff/**}
 * against them without an HTTP call to itself.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AuthenticationEntryPoint entryPoint,
			AccessDeniedHandler accessDeniedHandler) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		});
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		// the OpenID user info endpoint takes an access token
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SecuritySettings security) {
		return AuthorizationServerSettings.builder().issuer(security.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(IssuingSettings settings, PasswordEncoder encoder) {
		return new ServiceClients(settings.clients(), encoder);
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new NoAuthorizationsKept();
	}

	@Bean
	SigningKeys signingKeys(IssuingSettings settings) {
		return SigningKeys.in(settings.keys().location());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return new ImmutableJWKSet<>(keys.jwkSet());
	}

	/**
	 * Signs with the first key of the file, the one {@link SigningKeys#signingKey()}
	 * names; the encoder puts its {@code kid} in the header.
	 */
	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource, SigningKeys keys) {
		String signingKeyId = keys.signingKey().getKeyID();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
		encoder.setJwkSelector((candidates) -> candidates.stream()
			.filter((key) -> signingKeyId.equals(key.getKeyID()))
			.findFirst()
			.orElseGet(() -> candidates.get(0)));
		return encoder;
	}

	/**
	 * RS256 only (so {@code alg: none} and HMAC tricks are refused), a key of the file by
	 * {@code kid}, this issuer, and the expiry on the service's clock. It takes the place
	 * of the platform's decoder, which would fetch these same keys over HTTP.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecuritySettings security, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator();
		expiry.setClock(clock);
		decoder.setJwtValidator(
				JwtValidators.createDefaultWithValidators(expiry, new JwtIssuerValidator(security.issuer())));
		return decoder;
	}

}
