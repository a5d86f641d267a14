package org.example.restaurant.cashier.bill;

import org.example.restaurant.platform.problem.BadInputException;

/**
 * A payment's field is missing or malformed (400), caught by the bill itself when the
 * request's validation did not already refuse it (a card payment with a tendered amount,
 * for one).
 */
public class InvalidPayment extends BadInputException {

	InvalidPayment(String field, String reason) {
		super(field, reason);
	}

}
