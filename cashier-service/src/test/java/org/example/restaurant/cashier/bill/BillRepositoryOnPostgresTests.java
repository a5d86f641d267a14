package org.example.restaurant.cashier.bill;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link BillRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class BillRepositoryOnPostgresTests extends BillRepositoryTests {

}
