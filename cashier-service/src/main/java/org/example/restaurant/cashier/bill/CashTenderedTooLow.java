package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.FieldProblem;
import org.example.restaurant.platform.problem.Problems;
import org.example.restaurant.platform.problem.RefusalException;

/**
 * The cash handed over does not cover the amount and the tip (422).
 */
public class CashTenderedTooLow extends RefusalException {

	CashTenderedTooLow(UUID billId, BigDecimal tendered, BigDecimal owed) {
		super("Cash tendered (" + tendered + ") does not cover amount plus tip (" + owed + ") on bill " + billId);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of(Problems.ERRORS, List.of(new FieldProblem("tendered", "must cover the amount plus the tip")));
	}

}
