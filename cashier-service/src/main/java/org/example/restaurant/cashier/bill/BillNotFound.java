package org.example.restaurant.cashier.bill;

import java.util.UUID;

/**
 * No bill has this id (404).
 */
public class BillNotFound extends RuntimeException {

	BillNotFound(UUID billId) {
		super("No bill has id " + billId);
	}

}
