package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link TicketListVersionTests} on PostgreSQL.
 */
@OnPostgres
class TicketListVersionOnPostgresTests extends TicketListVersionTests {

}
