package org.example.restaurant.orders;

import org.example.restaurant.platform.idempotency.IdempotencyRecordsContract;

/**
 * The platform's idempotency table on the order-service's database, next to its own
 * migrations.
 */
class IdempotencyRecordsTests extends IdempotencyRecordsContract {

}
