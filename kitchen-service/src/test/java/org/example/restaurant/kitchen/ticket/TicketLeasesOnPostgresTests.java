package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link TicketLeasesTests} on PostgreSQL.
 */
@OnPostgres
class TicketLeasesOnPostgresTests extends TicketLeasesTests {

}
