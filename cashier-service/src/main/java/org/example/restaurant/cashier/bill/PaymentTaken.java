package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A payment was taken towards a bill. Registered by the {@link Bill} with the payment and
 * published when the bill is saved, in the same transaction. No service is told (no
 * outbox listener takes it); the business metrics count it ({@link PaymentMetrics}).
 *
 * @param billId the bill
 * @param paymentId the payment
 * @param method how the customer paid
 * @param amount what counts against the balance, in the bill's currency, without the tip
 */
public record PaymentTaken(UUID billId, UUID paymentId, PaymentMethod method, BigDecimal amount) {
}
