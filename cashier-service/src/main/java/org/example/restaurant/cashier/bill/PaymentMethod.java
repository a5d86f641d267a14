package org.example.restaurant.cashier.bill;

/**
 * How a customer pays.
 */
public enum PaymentMethod {

	/** Notes and coins: the cashier records what was tendered and gives change. */
	CASH,

	/** A card terminal charges exactly the amount plus the tip. */
	CARD

}
