package org.example.restaurant.orders.order;

import java.util.List;

import org.example.restaurant.orders.order.OrderManagement.RequestedItem;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotReady;
import org.example.restaurant.platform.polling.ListVersions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every change of an order moves the version of the orders list (what a poll's ETag is
 * made of), once per transaction, by the real operations of {@link OrderManagement} on
 * the real schema; a refused change does not. Each operation commits its own transaction
 * as in production.
 */
@Import({ OrderManagement.class, OrderListChanges.class })
class OrderListChangesTests extends OrderManagementOnTheSchema {

	@Autowired
	private ListVersions versions;

	@Test
	void movesTheOrdersVersionWithEveryChangeOfAnOrder() {
		long before = version();
		Order order = this.management.place("T4", List.of(new RequestedItem("margherita", 1, null)), "101");
		assertThat(version()).as("placed").isEqualTo(before + 1);

		// PLACED -> PREPARING -> READY in one transaction: one move
		this.management.ready(order.getId(), "kitchen-1");
		assertThat(version()).as("ready").isEqualTo(before + 2);

		this.management.ready(order.getId(), "kitchen-1");
		assertThat(version()).as("the same news again changes nothing").isEqualTo(before + 2);

		this.management.serve(order.getId());
		assertThat(version()).as("served").isEqualTo(before + 3);
		assertThatExceptionOfType(OrderNotReady.class).isThrownBy(() -> this.management.serve(order.getId()));
		assertThat(version()).as("a refused change").isEqualTo(before + 3);
	}

	private long version() {
		return this.versions.current(OrderListChanges.POLLED_LIST);
	}

}
