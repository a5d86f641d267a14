package org.example.restaurant.orders.order;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link OrderPersistenceTests} on PostgreSQL.
 */
@OnPostgres
class OrderPersistenceOnPostgresTests extends OrderPersistenceTests {

}
