package org.example.restaurant.kitchen.ticket;

import org.example.restaurant.kitchen.OnPostgres;

/**
 * {@link TicketRepositoryTests} on PostgreSQL.
 */
@OnPostgres
class TicketRepositoryOnPostgresTests extends TicketRepositoryTests {

}
