package org.example.restaurant.kitchen.cook;

import org.example.restaurant.kitchen.OnPostgres;

/**
 * {@link CooksTests} on PostgreSQL.
 */
@OnPostgres
class CooksOnPostgresTests extends CooksTests {

}
