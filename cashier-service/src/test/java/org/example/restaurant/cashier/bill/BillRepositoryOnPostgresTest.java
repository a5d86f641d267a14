package org.example.restaurant.cashier.bill;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link BillRepositoryTest} on PostgreSQL.
 */
@OnPostgres
class BillRepositoryOnPostgresTest extends BillRepositoryTest {

}
