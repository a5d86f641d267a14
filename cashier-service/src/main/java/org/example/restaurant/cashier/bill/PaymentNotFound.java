package org.example.restaurant.cashier.bill;

import java.util.UUID;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * The bill has no payment with this id (404).
 */
public class PaymentNotFound extends NotFoundException {

	PaymentNotFound(UUID billId, UUID paymentId) {
		super("Bill " + billId + " has no payment with id " + paymentId);
	}

}
