package org.example.restaurant.platform.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.restaurant.platform.security.Roles;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may call an operation, as its method security says: the {@code @PreAuthorize} on
 * the method or its class, also through a meta-annotation such as {@code @AnyStaff}. The
 * forms the services use are read ({@code permitAll()}, {@code hasRole},
 * {@code hasAnyRole}, {@code hasAuthority} and {@code hasAnyAuthority} of {@code ROLE_}
 * or {@code SCOPE_} authorities); any other expression is kept as written, so the
 * description says it rather than guessing.
 *
 * @param kind what the rule is
 * @param names the roles (without {@code ROLE_}) or scopes (without {@code SCOPE_}) of a
 * {@link Kind#ROLES} or {@link Kind#SCOPES} rule, as written
 * @param expression the expression as written, {@code null} without one
 */
record AccessRule(Kind kind, List<String> names, String expression) {

	private static final Pattern CALL = Pattern
		.compile("\\s*(permitAll|hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\\s*\\(([^()]*)\\)\\s*");

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

	private static final List<String> STAFF = List.of(Roles.WAITER, Roles.COOK, Roles.CASHIER, Roles.MANAGER);

	enum Kind {

		/** No {@code @PreAuthorize}: the URL rules alone decide. */
		NONE,

		/** {@code permitAll()}. */
		ANYONE,

		/** One of some staff roles. */
		ROLES,

		/** One of some service scopes. */
		SCOPES,

		/** An expression this reader does not take apart. */
		OTHER

	}

	static AccessRule of(Method method) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class);
		}
		return (rule != null) ? parse(rule.value()) : new AccessRule(Kind.NONE, List.of(), null);
	}

	static AccessRule parse(String expression) {
		Matcher call = CALL.matcher(expression);
		if (!call.matches()) {
			return new AccessRule(Kind.OTHER, List.of(), expression);
		}
		if ("permitAll".equals(call.group(1))) {
			return new AccessRule(Kind.ANYONE, List.of(), expression);
		}
		List<String> arguments = new ArrayList<>();
		Matcher quoted = QUOTED.matcher(call.group(2));
		while (quoted.find()) {
			arguments.add(quoted.group(1));
		}
		if (arguments.isEmpty()) {
			return new AccessRule(Kind.OTHER, List.of(), expression);
		}
		if (call.group(1).startsWith("hasAnyRole") || call.group(1).startsWith("hasRole")) {
			return new AccessRule(Kind.ROLES, List.copyOf(arguments), expression);
		}
		if (arguments.stream().allMatch((name) -> name.startsWith(Roles.ROLE_PREFIX))) {
			return new AccessRule(Kind.ROLES,
					arguments.stream().map((name) -> name.substring(Roles.ROLE_PREFIX.length())).toList(), expression);
		}
		if (arguments.stream().allMatch((name) -> name.startsWith(Roles.SCOPE_PREFIX))) {
			return new AccessRule(Kind.SCOPES,
					arguments.stream().map((name) -> name.substring(Roles.SCOPE_PREFIX.length())).toList(), expression);
		}
		return new AccessRule(Kind.OTHER, List.of(), expression);
	}

	/**
	 * Whether any staff member may call, whatever the role ({@code @AnyStaff}).
	 * @return whether the roles are all four
	 */
	boolean anyStaff() {
		return this.kind == Kind.ROLES && this.names.containsAll(STAFF);
	}

	/**
	 * The sentence of the operation's description that names who may call it.
	 * @param tokenNeeded whether the URL rules ask for a token
	 * @param staffPath whether the operation is one of staff ({@code /api/**}) rather
	 * than of services ({@code /internal/**})
	 * @return the sentence
	 */
	String describe(boolean tokenNeeded, boolean staffPath) {
		return switch (this.kind) {
			case ANYONE, NONE ->
				tokenNeeded ? (staffPath ? "Who: any signed-in staff member (a staff token)." : "Who: a service token.")
						: "Who: anyone, no token needed.";
			case ROLES -> anyStaff() ? "Who: any signed-in staff member (" + String.join(", ", STAFF) + ")."
					: "Who: a staff token with the role" + ((this.names.size() > 1) ? "s " : " ")
							+ String.join(" or ", this.names) + (this.names.contains(Roles.MANAGER) ? ""
									: " (" + Roles.MANAGER + " may do everything staff may do)")
							+ ".";
			case SCOPES -> "Who: a service token with the scope" + ((this.names.size() > 1) ? "s " : " ")
					+ String.join(" or ", this.names) + ".";
			case OTHER -> "Who: as the method security says, `" + this.expression + "`.";
		};
	}

}
