package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.kitchen.OnPostgres;

/**
 * {@link TicketLeasesTests} on PostgreSQL.
 */
@OnPostgres
class TicketLeasesOnPostgresTests extends TicketLeasesTests {

}
