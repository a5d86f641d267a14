package org.example.restaurant.orders.menu;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link MenuItemRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class MenuItemRepositoryOnPostgresTests extends MenuItemRepositoryTests {

}
