package org.example.restaurant.orders.order;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;
import org.example.restaurant.orders.order.OrderEvents.OrderStatusChanged;
import org.example.restaurant.platform.metrics.AfterCommit;
import org.example.restaurant.platform.metrics.CountersByValue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The order-service's business metrics (docs/observability.md, "Metrics"):
 * {@code restaurant.orders.placed}, once per order accepted, and
 * {@code restaurant.orders.status}, once each time an order reaches a status, tagged with
 * it. Counted from the order's domain events once the transaction that registered them
 * committed ({@link AfterCommit}); plain listeners, so that the outbox stores nothing for
 * them. Every status is registered at zero from the start, so that a first order already
 * shows as an increase.
 */
@Component
class OrderMetrics {

	private final Counter placed;

	private final Map<OrderStatus, Counter> reached;

	OrderMetrics(MeterRegistry registry) {
		this.placed = Counter.builder("restaurant.orders.placed").description("Orders accepted").register(registry);
		this.reached = CountersByValue.register(registry, "restaurant.orders.status", "Orders that reached a status",
				"status", OrderStatus.class);
	}

	@EventListener
	void on(OrderPlaced placed) {
		AfterCommit.run(this.placed::increment);
	}

	@EventListener
	void on(OrderStatusChanged changed) {
		Counter counter = this.reached.get(changed.status());
		AfterCommit.run(counter::increment);
	}

}
