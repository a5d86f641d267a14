package org.example.restaurant.kitchen.ticket;

/**
 * How many tickets in one status a replica has prepared or is preparing.
 *
 * @param preparedBy the replica's instance id
 * @param status {@code PREPARING} or {@code READY}
 * @param count the number of tickets
 */
public record PreparerCount(String preparedBy, TicketStatus status, Long count) {
}
