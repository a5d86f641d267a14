package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The cash handed over does not cover the amount and the tip (422).
 */
public class CashTenderedTooLow extends RuntimeException {

	CashTenderedTooLow(UUID billId, BigDecimal tendered, BigDecimal owed) {
		super("Cash tendered (" + tendered + ") does not cover amount plus tip (" + owed + ") on bill " + billId);
	}

}
