package org.example.restaurant.orders.order;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.example.restaurant.orders.order.OrderManagement.RequestedItem;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotReady;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.willThrow;

/**
 * The order-service's business metrics, moved by the real operations of
 * {@link OrderManagement} on the real schema. Each operation commits its own transaction
 * as in production (the test runs without one, so nothing is rolled back for it and every
 * test empties the orders), and each test looks at how far the counters moved.
 */
@Import({ OrderManagement.class, OrderMetrics.class, OrderMetricsTests.Registry.class })
class OrderMetricsTests extends OrderManagementOnTheSchema {

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private Map<OrderStatus, Double> statusBefore;

	private double placedBefore;

	@BeforeEach
	void readTheCounters() {
		this.placedBefore = placed();
		this.statusBefore = statusCounts();
	}

	@Test
	void anOrderPlacedCountsOnceAsPlacedAndOnceAsReachingPlaced() {
		this.management.place("T1", List.of(new RequestedItem("margherita", 2, null)), "101");

		assertThat(placed() - this.placedBefore).isEqualTo(1);
		assertThat(statusIncreases()).isEqualTo(increases(OrderStatus.PLACED));
	}

	@Test
	void countsEachStatusAnOrderReachesOnceAndRepeatedNewsNotAgain() {
		UUID id = place();

		this.management.cookingStarted(id, "kitchen-service:k1");
		this.management.ready(id, "kitchen-service:k1");
		this.management.ready(id, "kitchen-service:k1");
		this.management.cookingStarted(id, "kitchen-service:k1");
		this.management.serve(id);
		this.management.paid(id, "bill-1");
		this.management.paid(id, "bill-1");

		assertThat(placed() - this.placedBefore).isEqualTo(1);
		assertThat(statusIncreases()).isEqualTo(increases(OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY,
				OrderStatus.SERVED, OrderStatus.PAID));
	}

	@Test
	void readyNewsForAPlacedOrderCountsItPreparingAndReady() {
		UUID id = place();

		this.management.ready(id, "kitchen-service:k1");

		assertThat(statusIncreases())
			.isEqualTo(increases(OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY));
	}

	@Test
	void countsACancelledOrder() {
		UUID id = place();

		this.management.cancel(id);

		assertThat(statusIncreases()).isEqualTo(increases(OrderStatus.PLACED, OrderStatus.CANCELLED));
	}

	@Test
	void countsNothingForAnOrderWhoseTransactionRolledBack() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		transaction.executeWithoutResult((status) -> {
			this.management.place("T1", List.of(new RequestedItem("margherita", 1, null)), "101");
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();
		assertThat(placed() - this.placedBefore).isZero();
		assertThat(statusIncreases()).isEqualTo(increases());
	}

	@Test
	void countsNothingForARefusedChange() {
		UUID id = place();
		readTheCounters();
		willThrow(new CookAlreadyStarted(id)).given(this.kitchen).cancelTicket(id);

		assertThatExceptionOfType(MenuItemsNotOrderable.class)
			.isThrownBy(() -> this.management.place("T1", List.of(new RequestedItem("pizza-hawaii", 1, null)), "101"));
		assertThatExceptionOfType(OrderNotReady.class).isThrownBy(() -> this.management.serve(id));
		assertThatExceptionOfType(CookAlreadyStarted.class).isThrownBy(() -> this.management.cancel(id));

		assertThat(placed() - this.placedBefore).isZero();
		assertThat(statusIncreases()).isEqualTo(increases());
	}

	private UUID place() {
		return this.management.place("T4", List.of(new RequestedItem("espresso", 1, null)), "101").getId();
	}

	private double placed() {
		return this.registry.get("restaurant.orders.placed").counter().count();
	}

	private Map<OrderStatus, Double> statusCounts() {
		return Arrays.stream(OrderStatus.values())
			.collect(Collectors.toMap(Function.identity(),
					(status) -> this.registry.get("restaurant.orders.status")
						.tag("status", status.name())
						.counter()
						.count()));
	}

	private Map<OrderStatus, Double> statusIncreases() {
		return statusCounts().entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> entry.getValue() - this.statusBefore.get(entry.getKey())));
	}

	/** An increase of one for each status named, none for the others. */
	private static Map<OrderStatus, Double> increases(OrderStatus... reached) {
		List<OrderStatus> named = List.of(reached);
		return Arrays.stream(OrderStatus.values())
			.collect(Collectors.toMap(Function.identity(), (status) -> named.contains(status) ? 1.0 : 0.0));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
