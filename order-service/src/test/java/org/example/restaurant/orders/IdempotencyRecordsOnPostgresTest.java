package org.example.restaurant.orders;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link IdempotencyRecordsTest} on PostgreSQL.
 */
@OnPostgres
class IdempotencyRecordsOnPostgresTest extends IdempotencyRecordsTest {

}
