package org.example.restaurant.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every scenario the same running restaurant: it is opened by the first scenario
 * that asks for it and closed ({@code ./restaurant down}) when all have run, since
 * starting eight processes on a small machine takes a minute or two.
 * <p>
 * It is observed ({@code ./restaurant up --observe}: Zipkin and, where installed,
 * Prometheus, each on a free port), so that a scenario can look at the traces and the
 * metrics of what it did; {@code -Drestaurant.observe=false} starts it without them.
 */
class RestaurantExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RestaurantExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Restaurant.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent("restaurant", (key) -> shared().up(), Restaurant.class);
	}

	private static Restaurant shared() {
		Restaurant restaurant = new Restaurant(3);
		return Boolean.parseBoolean(System.getProperty("restaurant.observe", "true")) ? restaurant.observed()
				: restaurant;
	}

}
