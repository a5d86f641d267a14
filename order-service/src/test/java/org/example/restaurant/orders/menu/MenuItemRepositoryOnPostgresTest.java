package org.example.restaurant.orders.menu;

import org.example.restaurant.orders.OnPostgres;

/**
 * {@link MenuItemRepositoryTest} on PostgreSQL.
 */
@OnPostgres
class MenuItemRepositoryOnPostgresTest extends MenuItemRepositoryTest {

}
