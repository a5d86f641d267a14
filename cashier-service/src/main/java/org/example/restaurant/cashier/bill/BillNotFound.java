package org.example.restaurant.cashier.bill;

import java.util.UUID;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No bill has this id (404).
 */
public class BillNotFound extends NotFoundException {

	BillNotFound(UUID billId) {
		super("No bill has id " + billId);
	}

}
