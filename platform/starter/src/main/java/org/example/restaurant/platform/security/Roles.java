package org.example.restaurant.platform.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The staff's roles (docs/security.md). A staff token's {@code roles} claim becomes
 * {@code ROLE_<role>} authorities; {@code MANAGER} implies the other three, so a manager
 * may do whatever staff may do, but a manager's token is still a staff token and opens no
 * {@code /internal/**} endpoint.
 */
public final class Roles {

	public static final String WAITER = "WAITER";

	public static final String COOK = "COOK";

	public static final String CASHIER = "CASHIER";

	public static final String MANAGER = "MANAGER";

	/** The prefix of the authorities made from a staff token's roles. */
	public static final String ROLE_PREFIX = "ROLE_";

	/** The prefix of the authorities made from a service token's scopes. */
	public static final String SCOPE_PREFIX = "SCOPE_";

	private Roles() {
	}

	/**
	 * {@code MANAGER} above {@code WAITER}, {@code COOK} and {@code CASHIER}.
	 * @return the hierarchy, for URL and method security alike
	 */
	public static RoleHierarchy hierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role(MANAGER).implies(WAITER, COOK, CASHIER).build();
	}

}
