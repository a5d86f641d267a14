package org.example.restaurant.cashier;

import org.example.restaurant.platform.idempotency.IdempotencyRecordsContract;

/**
 * The platform's idempotency table on the cashier-service's database, next to its own
 * migrations.
 */
class IdempotencyRecordsTests extends IdempotencyRecordsContract {

}
