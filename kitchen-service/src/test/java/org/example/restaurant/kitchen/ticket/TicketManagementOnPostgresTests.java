package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.kitchen.OnPostgres;

/**
 * {@link TicketManagementTests} on PostgreSQL.
 */
@OnPostgres
class TicketManagementOnPostgresTests extends TicketManagementTests {

}
