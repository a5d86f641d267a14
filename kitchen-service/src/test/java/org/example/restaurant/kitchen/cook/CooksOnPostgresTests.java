package org.example.restaurant.kitchen.cook;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link CooksTests} on PostgreSQL.
 */
@OnPostgres
class CooksOnPostgresTests extends CooksTests {

}
