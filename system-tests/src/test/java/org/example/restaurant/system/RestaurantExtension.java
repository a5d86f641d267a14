package org.example.restaurant.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every scenario the same running restaurant: it is opened by the first scenario
 * that asks for it and closed ({@code ./restaurant down}) when all have run, since
 * starting eight processes on a small machine takes a minute or two.
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
			.computeIfAbsent("restaurant", (key) -> new Restaurant(3).up(), Restaurant.class);
	}

}
