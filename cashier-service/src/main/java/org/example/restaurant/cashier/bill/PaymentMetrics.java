package org.example.restaurant.cashier.bill;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.example.restaurant.platform.metrics.AfterCommit;
import org.example.restaurant.platform.metrics.CountersByValue;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The cashier's business metrics (docs/observability.md, "Metrics"), both tagged
 * {@code method}: {@code restaurant.payments}, once per payment accepted, and
 * {@code restaurant.payments.amount}, by the payment's amount in the bill's currency
 * (without the tip). Counted from {@link PaymentTaken} once the transaction that took the
 * payment committed ({@link AfterCommit}; a plain listener, so that the outbox stores
 * nothing for it). The amount stays a {@code BigDecimal} in the domain; only the meter
 * takes a double. Both methods are registered at zero from the start.
 */
@Component
class PaymentMetrics {

	private final Map<PaymentMethod, Counter> payments;

	private final Map<PaymentMethod, Counter> amounts;

	PaymentMetrics(MeterRegistry registry) {
		this.payments = CountersByValue.register(registry, "restaurant.payments", "Payments accepted", "method",
				PaymentMethod.class);
		this.amounts = CountersByValue.register(registry, "restaurant.payments.amount",
				"What the payments accepted count against the bills, in the bill's currency", "method",
				PaymentMethod.class);
	}

	@EventListener
	void on(PaymentTaken taken) {
		AfterCommit.run(() -> {
			this.payments.get(taken.method()).increment();
			this.amounts.get(taken.method()).increment(taken.amount().doubleValue());
		});
	}

}
