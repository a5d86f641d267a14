package org.example.restaurant.orders.order;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link OrderListChangesTests} on PostgreSQL.
 */
@OnPostgres
class OrderListChangesOnPostgresTests extends OrderListChangesTests {

}
