package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.platform.test.OnPostgres;

/**
 * {@link TicketRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class TicketRepositoryOnPostgresTests extends TicketRepositoryTests {

}
