package org.example.restaurant.staff.account;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link StaffRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class StaffRepositoryOnPostgresTests extends StaffRepositoryTests {

}
