package org.example.restaurant.orders.menu;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link MenuItemRepositoryTest} on PostgreSQL.
 */
@OnPostgres
class MenuItemRepositoryOnPostgresTest extends MenuItemRepositoryTest {

}
