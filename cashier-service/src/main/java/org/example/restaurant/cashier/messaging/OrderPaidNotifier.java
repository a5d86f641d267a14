package org.example.restaurant.cashier.messaging;

import org.example.restaurant.cashier.bill.BillPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the order-service that an order is paid, after the payment that covered its bill
 * committed, outside any transaction (so a slow order-service holds no database
 * connection). If the call throws, the event publication stays incomplete in the outbox
 * and {@link Outbox} sends it again, with exponential back-off.
 */
@Component
class OrderPaidNotifier {

	private static final Logger log = LoggerFactory.getLogger(OrderPaidNotifier.class);

	private final OrderServiceClient orderService;

	OrderPaidNotifier(OrderServiceClient orderService) {
		this.orderService = orderService;
	}

	@Async
	@TransactionalEventListener
	void on(BillPaid event) {
		this.orderService.orderPaid(event.orderId(), event.billId(), event.paidAt());
		log.info("Told order-service that order {} is paid (bill {})", event.orderId(), event.billId());
	}

}
