package org.example.restaurant.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * An operation any signed-in staff member may call, whatever the role (docs/api.md's "any
 * staff"); a service token may not.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('WAITER', 'COOK', 'CASHIER', 'MANAGER')")
public @interface AnyStaff {

}
