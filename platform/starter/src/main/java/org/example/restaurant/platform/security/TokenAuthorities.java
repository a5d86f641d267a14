package org.example.restaurant.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A checked token as an authentication: a staff token's {@code roles} as
 * {@code ROLE_<role>}, a service token's {@code scope} as {@code SCOPE_<scope>}; its name
 * is the subject (a staff number, or a service's client id).
 */
public final class TokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

	private final JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	public TokenAuthorities() {
		this.roles.setAuthoritiesClaimName("roles");
		this.roles.setAuthorityPrefix(Roles.ROLE_PREFIX);
		this.scopes.setAuthoritiesClaimName("scope");
		this.scopes.setAuthorityPrefix(Roles.SCOPE_PREFIX);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Collection<GrantedAuthority> authorities = new ArrayList<>(this.roles.convert(jwt));
		if (jwt.hasClaim("scope")) {
			authorities.addAll(this.scopes.convert(jwt));
		}
		return new JwtAuthenticationToken(jwt, List.copyOf(authorities), jwt.getSubject());
	}

	/**
	 * Whether an authentication is a service's: it carries scopes and no role.
	 * @param authorities the authentication's authorities
	 * @return whether it was made from a service token
	 */
	static boolean isService(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().anyMatch((a) -> a.getAuthority().startsWith(Roles.SCOPE_PREFIX))
				&& authorities.stream().noneMatch((a) -> a.getAuthority().startsWith(Roles.ROLE_PREFIX));
	}

	/**
	 * Whether an authentication is a staff member's: it carries a role.
	 * @param authorities the authentication's authorities
	 * @return whether it was made from a staff token
	 */
	static boolean isStaff(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().anyMatch((a) -> a.getAuthority().startsWith(Roles.ROLE_PREFIX));
	}

}
