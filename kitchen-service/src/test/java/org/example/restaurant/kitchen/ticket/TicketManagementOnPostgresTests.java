package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link TicketManagementTests} on PostgreSQL.
 */
@OnPostgres
class TicketManagementOnPostgresTests extends TicketManagementTests {

}
