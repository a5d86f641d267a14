package org.example.restaurant.cashier.bill;

import java.util.UUID;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A payment was offered for a bill that is already paid (409).
 */
public class BillAlreadyPaid extends ConflictException {

	private final UUID billId;

	BillAlreadyPaid(UUID billId) {
		super("Bill " + billId + " is already paid");
		this.billId = billId;
	}

	public UUID getBillId() {
		return this.billId;
	}

}
