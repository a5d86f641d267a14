package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.kitchen.OnPostgres;

/**
 * {@link TicketDeskTests} on PostgreSQL.
 */
@OnPostgres
class TicketDeskOnPostgresTests extends TicketDeskTests {

}
