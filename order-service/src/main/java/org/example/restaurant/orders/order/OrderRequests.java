package org.example.restaurant.orders.order;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.example.restaurant.platform.idempotency.Fingerprint;

/**
 * The bodies the order endpoints accept.
 */
final class OrderRequests {

	private OrderRequests() {
	}

	/**
	 * {@code POST /api/orders}.
	 */
	record PlaceOrder(@NotBlank @Size(max = 16) String table,
			@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Item> items) {

		List<OrderManagement.RequestedItem> requestedItems() {
			return this.items.stream()
				.map((item) -> new OrderManagement.RequestedItem(item.menuItemId(), item.quantity(), item.note()))
				.toList();
		}

		/**
		 * What makes this order what it is, whatever the JSON looked like: the table and
		 * each line in order.
		 */
		Fingerprint fingerprint() {
			List<Object> fields = new ArrayList<>();
			fields.add(this.table);
			fields.add(this.items.size());
			for (Item item : this.items) {
				fields.add(item.menuItemId());
				fields.add(item.quantity());
				fields.add(item.note());
			}
			return Fingerprint.of(fields.toArray());
		}

	}

	/**
	 * One line of {@link PlaceOrder}.
	 */
	record Item(@NotBlank @Size(max = 40) String menuItemId, @NotNull @Min(1) @Max(99) Integer quantity,
			@Size(max = 200) String note) {

	}

	/**
	 * {@code POST /internal/orders/{id}/preparing|ready}. Read tolerantly: only what the
	 * log needs; unknown fields and a missing body are fine.
	 */
	record KitchenNews(String ticketId, String preparedBy) {

	}

	/**
	 * {@code POST /internal/orders/{id}/paid}. Read tolerantly, like {@link KitchenNews}.
	 */
	record PaymentNews(String billId) {

	}

}
