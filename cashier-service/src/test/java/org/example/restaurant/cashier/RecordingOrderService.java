package org.example.restaurant.cashier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.example.restaurant.cashier.messaging.OrderServiceClient;

/**
 * Stands in for the order-service: records every order it is told is paid.
 */
public class RecordingOrderService implements OrderServiceClient {

	private final List<UUID> paidOrders = new CopyOnWriteArrayList<>();

	@Override
	public void orderPaid(UUID orderId, UUID billId, Instant at) {
		this.paidOrders.add(orderId);
	}

	/** How many times the order-service was told that this order is paid. */
	public long timesToldPaid(UUID orderId) {
		return this.paidOrders.stream().filter(orderId::equals).count();
	}

}
