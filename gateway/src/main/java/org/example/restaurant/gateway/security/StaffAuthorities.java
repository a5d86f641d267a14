package org.example.restaurant.gateway.security;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authorities of a verified token: each of a staff token's {@code roles} as
 * {@code ROLE_<role>}, with the roles {@code MANAGER} implies (docs/security.md: a
 * manager may do everything staff may do). A service token, one with a {@code scope}
 * claim, gets none here: it opens no route that needs a role, whatever else it carries.
 * The name of the authentication is the token's {@code sub}, the staff number.
 */
final class StaffAuthorities implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.withDefaultRolePrefix()
		.role("MANAGER")
		.implies("WAITER", "COOK", "CASHIER")
		.build();

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
	}

	static Collection<? extends GrantedAuthority> authorities(Jwt jwt) {
		if (jwt.hasClaim("scope") || jwt.hasClaim("scp")) {
			return List.of();
		}
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles == null) {
			return List.of();
		}
		List<GrantedAuthority> granted = roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		return HIERARCHY.getReachableGrantedAuthorities(granted);
	}

}
