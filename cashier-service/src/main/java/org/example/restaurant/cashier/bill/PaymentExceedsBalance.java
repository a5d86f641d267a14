package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.RefusalException;

/**
 * A payment's amount is more than the bill's balance due (422): the cashier never takes
 * more than is owed (a tip goes in the {@code tip} field instead).
 */
public class PaymentExceedsBalance extends RefusalException {

	private final BigDecimal balanceDue;

	PaymentExceedsBalance(UUID billId, BigDecimal amount, BigDecimal balanceDue) {
		super("A payment of " + amount + " is more than the " + balanceDue + " due on bill " + billId,
				Map.of("balanceDue", balanceDue));
		this.balanceDue = balanceDue;
	}

	public BigDecimal getBalanceDue() {
		return this.balanceDue;
	}

}
