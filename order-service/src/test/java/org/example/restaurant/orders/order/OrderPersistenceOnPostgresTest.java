package org.example.restaurant.orders.order;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link OrderPersistenceTest} on PostgreSQL.
 */
@OnPostgres
class OrderPersistenceOnPostgresTest extends OrderPersistenceTest {

}
