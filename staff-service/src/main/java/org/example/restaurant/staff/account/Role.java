package org.example.restaurant.staff.account;

/**
 * What a person does in the restaurant; a staff token carries them in its {@code roles}
 * claim. {@code MANAGER} implies the other three (the role hierarchy of the security
 * configuration), so a manager may do everything staff may do.
 */
public enum Role {

	/** The floor: orders, serving, bills. */
	WAITER,

	/** The kitchen: tickets. */
	COOK,

	/** The till: bills, payments, receipts, the day's report. */
	CASHIER,

	/** Everything, plus the menu, the staff and the day's report. */
	MANAGER

}
