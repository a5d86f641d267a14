package org.example.restaurant.cashier.messaging;

import org.example.restaurant.cashier.bill.BillPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the order-service that an order is paid, after the payment that covered its bill
 * committed. If the call throws, the event publication stays incomplete in the outbox and
 * {@link OutboxResubmitter} sends it again.
 */
@Component
class OrderPaidNotifier {

	private static final Logger log = LoggerFactory.getLogger(OrderPaidNotifier.class);

	private final OrderServiceClient orderService;

	OrderPaidNotifier(OrderServiceClient orderService) {
		this.orderService = orderService;
	}

	@ApplicationModuleListener
	void on(BillPaid event) {
		this.orderService.orderPaid(event.orderId(), event.billId(), event.paidAt());
		log.info("Told order-service that order {} is paid (bill {})", event.orderId(), event.billId());
	}

}
