package org.example.restaurant.kitchen.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of a ticket: what to cook, how many, and how long one takes.
 *
 * @param name what to cook
 * @param quantity how many
 * @param note a wish for the cook, may be {@code null}
 * @param prepSeconds how long one takes at full speed
 */
@Embeddable
public record TicketItem(@Column(name = "name", nullable = false) String name,
		@Column(name = "quantity", nullable = false) int quantity, @Column(name = "note") String note,
		@Column(name = "prep_seconds", nullable = false) int prepSeconds) {

}
