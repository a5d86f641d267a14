package org.example.restaurant.orders.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.platform.outbox.Delivery;
import org.example.restaurant.orders.order.OrderEvents.OrderServed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.RestClient;

/**
 * Asks the cashier to open a bill for a served order (docs/internal-api.md). Runs after
 * the order's transaction committed, from the outbox; a failed delivery throws so the
 * publication stays incomplete and is re-sent. The cashier keys bills by order id, so a
 * repeated message does no harm.
 */
@Component
class CashierMessenger {

	private static final Logger log = LoggerFactory.getLogger(CashierMessenger.class);

	private final RestClient cashier;

	private final OrderReader orders;

	CashierMessenger(@LoadBalanced RestClient.Builder loadBalanced, OrderReader orders) {
		this.cashier = loadBalanced.clone().baseUrl("http://cashier-service").build();
		this.orders = orders;
	}

	@Async
	@TransactionalEventListener
	void on(OrderServed event) {
		Optional<NewBill> found = this.orders.read(event.orderId(), NewBill::of);
		if (found.isEmpty()) {
			log.error("Order {} vanished before its bill was opened; nothing to send", event.orderId());
			return;
		}
		NewBill bill = found.get();
		Delivery.send("bill for order " + event.orderId(),
				() -> this.cashier.post().uri("/internal/bills").body(bill).retrieve().toBodilessEntity());
	}

	/**
	 * {@code POST /internal/bills}.
	 */
	record NewBill(UUID orderId, String table, List<Line> lines) {

		static NewBill of(Order order) {
			List<Line> lines = order.getLines()
				.stream()
				.map((line) -> new Line(line.name(), line.quantity(), line.unitPrice()))
				.toList();
			return new NewBill(order.getId(), order.getTable(), lines);
		}

		record Line(String name, int quantity, BigDecimal unitPrice) {

		}

	}

}
