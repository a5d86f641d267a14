package org.example.restaurant.orders.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderEvents.OrderServed;

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

	private final RestClient cashier;

	private final OrderMessages orders;

	CashierMessenger(@LoadBalanced RestClient.Builder loadBalanced, OrderMessages orders) {
		this.cashier = loadBalanced.clone().baseUrl("http://cashier-service").build();
		this.orders = orders;
	}

	@Async
	@TransactionalEventListener
	void on(OrderServed event) {
		this.orders.send(event.orderId(), "bill", NewBill::of,
				(bill) -> this.cashier.post().uri("/internal/bills").body(bill).retrieve().toBodilessEntity());
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
