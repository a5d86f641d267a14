package org.example.restaurant.cashier.idempotency;

import org.example.restaurant.cashier.OnPostgres;

/**
 * {@link IdempotencyRecordsTest} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTest extends IdempotencyRecordsTest {

}
