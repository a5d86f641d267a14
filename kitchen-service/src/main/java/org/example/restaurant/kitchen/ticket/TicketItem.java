package org.example.restaurant.kitchen.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of a ticket: what to cook, how many, and how long one takes.
 */
@Embeddable
public class TicketItem {

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "quantity", nullable = false)
	private int quantity;

	@Column(name = "note")
	private String note;

	@Column(name = "prep_seconds", nullable = false)
	private int prepSeconds;

	protected TicketItem() {
	}

	public TicketItem(String name, int quantity, String note, int prepSeconds) {
		this.name = name;
		this.quantity = quantity;
		this.note = note;
		this.prepSeconds = prepSeconds;
	}

	public String getName() {
		return this.name;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public String getNote() {
		return this.note;
	}

	public int getPrepSeconds() {
		return this.prepSeconds;
	}

}
