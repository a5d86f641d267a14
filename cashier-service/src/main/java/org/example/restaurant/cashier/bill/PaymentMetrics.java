package org.example.restaurant.cashier.bill;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.example.restaurant.platform.metrics.AfterCommit;

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

	private final Map<PaymentMethod, Counter> payments = new EnumMap<>(PaymentMethod.class);

	private final Map<PaymentMethod, Counter> amounts = new EnumMap<>(PaymentMethod.class);

	PaymentMetrics(MeterRegistry registry) {
		for (PaymentMethod method : PaymentMethod.values()) {
			this.payments.put(method,
					Counter.builder("restaurant.payments")
						.description("Payments accepted")
						.tag("method", method.name())
						.register(registry));
			this.amounts.put(method,
					Counter.builder("restaurant.payments.amount")
						.description("What the payments accepted count against the bills, in the bill's currency")
						.tag("method", method.name())
						.register(registry));
		}
	}

	@EventListener
	void on(PaymentTaken taken) {
		AfterCommit.run(() -> {
			this.payments.get(taken.method()).increment();
			this.amounts.get(taken.method()).increment(taken.amount().doubleValue());
		});
	}

}
