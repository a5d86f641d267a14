package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/tickets}: the order-service asks the kitchen to cook an order.
 *
 * @param orderId the order, which keys the ticket
 * @param table the table it goes to
 * @param placedAt when the guest ordered (optional)
 * @param items what to cook
 */
record NewTicketRequest(@NotNull UUID orderId, @NotBlank @Size(max = 16) String table, Instant placedAt,
		@NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items) {

	/**
	 * One line of the order.
	 *
	 * @param name the dish, as the order recorded it
	 * @param quantity how many
	 * @param note a wish of the guest (optional)
	 * @param prepSeconds how long one takes to prepare
	 */
	record Item(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(99) Integer quantity,
			@Size(max = 200) String note, @NotNull @Min(0) @Max(86_400) Integer prepSeconds) {

		TicketItem toTicketItem() {
			return new TicketItem(this.name, this.quantity, this.note, this.prepSeconds);
		}

	}

}
