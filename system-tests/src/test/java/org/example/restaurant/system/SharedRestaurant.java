package org.example.restaurant.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario of the one restaurant all scenarios share ({@link RestaurantExtension}): its
 * {@code static Restaurant} fields are set before its {@code @BeforeAll} methods run, and
 * a test method may take the restaurant as a parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RestaurantExtension.class)
@interface SharedRestaurant {

	/**
	 * Whether the scenario watches the restaurant with Zipkin and Prometheus: it is
	 * skipped when the restaurant runs without them ({@code -Drestaurant.observe=false}).
	 */
	boolean observed() default false;

}
