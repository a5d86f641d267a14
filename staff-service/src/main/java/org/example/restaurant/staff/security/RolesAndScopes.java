package org.example.restaurant.staff.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The authorities of a token (docs/security.md): {@code roles} to {@code ROLE_<role>},
 * {@code scope} to {@code SCOPE_<scope>}, with Spring Security's own converter for each
 * claim.
 */
public class RolesAndScopes implements Converter<Jwt, Collection<GrantedAuthority>> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	private final JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();

	public RolesAndScopes() {
		this.roles.setAuthoritiesClaimName("roles");
		this.roles.setAuthorityPrefix("ROLE_");
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.roles.convert(jwt));
		authorities.addAll(this.scopes.convert(jwt));
		return authorities;
	}

}
