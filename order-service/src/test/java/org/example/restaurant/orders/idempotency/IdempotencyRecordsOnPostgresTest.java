package org.example.restaurant.orders.idempotency;

import org.example.restaurant.orders.OnPostgres;

/**
 * {@link IdempotencyRecordsTest} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTest extends IdempotencyRecordsTest {

}
