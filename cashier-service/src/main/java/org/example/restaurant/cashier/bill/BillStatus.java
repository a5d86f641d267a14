package org.example.restaurant.cashier.bill;

/**
 * Where a bill is in its life: {@code OPEN -> PAID}, never back.
 */
public enum BillStatus {

	/** Something is still due. */
	OPEN,

	/** Paid in full; no further payment is taken. */
	PAID

}
