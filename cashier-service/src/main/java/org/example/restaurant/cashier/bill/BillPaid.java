package org.example.restaurant.cashier.bill;

import java.time.Instant;
import java.util.UUID;

/**
 * A bill was paid in full. Registered by the {@link Bill} when it becomes paid and
 * published when the bill is saved, in the transaction that took the covering payment, so
 * Spring Modulith's event publication registry (the outbox) stores it with that change
 * and a listener tells the order-service after commit, again until it succeeds.
 *
 * @param billId the bill
 * @param orderId the order the bill is for
 * @param paidAt when the covering payment was taken
 */
public record BillPaid(UUID billId, UUID orderId, Instant paidAt) {
}
