package org.example.restaurant.cashier;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link IdempotencyRecordsTest} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTest extends IdempotencyRecordsTest {

}
