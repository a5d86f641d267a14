package org.example.restaurant.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Gives every scenario the same running restaurant: it is opened by the first scenario
 * that asks for it and closed ({@code ./restaurant down}) when all have run, since
 * starting eight processes on a small machine takes a minute or two. A scenario
 * ({@link SharedRestaurant}) gets it in its {@code static Restaurant} fields before its
 * {@code @BeforeAll} methods run, or as a parameter of a test method.
 * <p>
 * It is observed ({@code ./restaurant up --observe}: Zipkin and, where installed,
 * Prometheus, each on a free port), so that a scenario can look at the traces and the
 * metrics of what it did; {@code -Drestaurant.observe=false} starts it without them, and
 * skips the scenarios that watch it ({@link SharedRestaurant#observed()}).
 */
class RestaurantExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RestaurantExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws IllegalAccessException {
		Class<?> scenario = context.getRequiredTestClass();
		Restaurant restaurant = shared(context);
		if (AnnotationSupport.findAnnotation(scenario, SharedRestaurant.class)
			.map(SharedRestaurant::observed)
			.orElse(false)) {
			restaurant.requireObserved();
		}
		for (Field field : ReflectionSupport.findFields(scenario, RestaurantExtension::holdsTheRestaurant,
				HierarchyTraversalMode.TOP_DOWN)) {
			field.set(null, restaurant);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Restaurant.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return shared(context);
	}

	private static Restaurant shared(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent("restaurant", (key) -> started(), Restaurant.class);
	}

	private static Restaurant started() {
		Restaurant restaurant = new Restaurant(3);
		if (Boolean.parseBoolean(System.getProperty("restaurant.observe", "true"))) {
			restaurant.observed();
		}
		return restaurant.up();
	}

	private static boolean holdsTheRestaurant(Field field) {
		return Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())
				&& field.getType() == Restaurant.class;
	}

}
