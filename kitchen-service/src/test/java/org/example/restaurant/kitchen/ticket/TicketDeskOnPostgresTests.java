package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link TicketDeskTests} on PostgreSQL.
 */
@OnPostgres
class TicketDeskOnPostgresTests extends TicketDeskTests {

}
