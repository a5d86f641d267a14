package org.example.restaurant.kitchen.ticket;

/**
 * How many tickets one replica has prepared and is preparing, for the cluster view.
 *
 * @param preparedBy the replica's instance id
 * @param prepared tickets it cooked ({@code READY})
 * @param inProgress tickets it is cooking: {@code PREPARING} under a live lease, or
 * started by a person there (no lease)
 * @param awaitingTakeover tickets it was cooking whose lease has passed
 * ({@code PREPARING}, lease expired): the replica is gone or stuck, and another replica
 * takes them over at its next claim
 */
public record PreparerCount(String preparedBy, Long prepared, Long inProgress, Long awaitingTakeover) {
}
