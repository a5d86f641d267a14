package org.example.restaurant.platform.observability;

import java.util.Map;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request whose path names an order ({@code {orderId}}) carries it as the
 * {@value OrderIdBaggage#FIELD} baggage while it is handled ({@link OrderIdBaggage}).
 */
class OrderIdFromPath implements HandlerInterceptor {

	/** The path variable that names an order. */
	static final String VARIABLE = "orderId";

	private static final String SCOPE = OrderIdFromPath.class.getName() + ".scope";

	private final Tracer tracer;

	OrderIdFromPath(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get(VARIABLE) instanceof String orderId
				&& this.tracer.currentSpan() != null) {
			request.setAttribute(SCOPE, this.tracer.createBaggageInScope(OrderIdBaggage.FIELD, orderId));
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(SCOPE) instanceof BaggageInScope scope) {
			scope.close();
		}
	}

}
