package org.example.restaurant.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An {@code Order} as docs/api.md describes it.
 */
record OrderResponse(UUID id, String table, OrderStatus status, List<Line> items, BigDecimal total, String placedBy,
		Instant createdAt, Instant updatedAt) {

	static OrderResponse of(Order order) {
		List<Line> items = order.getLines()
			.stream()
			.map((line) -> new Line(line.menuItemId(), line.name(), line.unitPrice(), line.quantity(), line.note(),
					line.lineTotal()))
			.toList();
		return new OrderResponse(order.getId(), order.getTable(), order.getStatus(), items, order.getTotal(),
				order.getPlacedBy(), order.getCreatedAt(), order.getUpdatedAt());
	}

	record Line(String menuItemId, String name, BigDecimal unitPrice, int quantity, String note, BigDecimal lineTotal) {

	}

}
