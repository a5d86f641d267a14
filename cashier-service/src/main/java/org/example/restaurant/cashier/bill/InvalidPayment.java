package org.example.restaurant.cashier.bill;

/**
 * A payment's field is missing or malformed (400), caught by the bill itself when the
 * request's validation did not already refuse it (a card payment with a tendered amount,
 * for one).
 */
public class InvalidPayment extends RuntimeException {

	private final String field;

	private final String reason;

	InvalidPayment(String field, String reason) {
		super(field + " " + reason);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * The field at fault.
	 * @return its name in the payment request
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * What is wrong with the field.
	 * @return a message such as "must be empty for a CARD payment"
	 */
	public String getReason() {
		return this.reason;
	}

}
