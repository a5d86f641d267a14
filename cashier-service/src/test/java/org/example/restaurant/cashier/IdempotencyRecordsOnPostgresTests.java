package org.example.restaurant.cashier;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link IdempotencyRecordsTests} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTests extends IdempotencyRecordsTests {

}
