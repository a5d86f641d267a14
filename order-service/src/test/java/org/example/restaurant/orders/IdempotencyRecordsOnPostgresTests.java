package org.example.restaurant.orders;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link IdempotencyRecordsTests} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTests extends IdempotencyRecordsTests {

}
