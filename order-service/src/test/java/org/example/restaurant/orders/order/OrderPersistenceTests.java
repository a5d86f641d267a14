package org.example.restaurant.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.example.restaurant.orders.menu.MenuItem;
import org.example.restaurant.orders.menu.MenuItemRepository;
import org.example.restaurant.orders.order.OrderManagement.RequestedItem;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotCancellable;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotServed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Orders against the real schema (Flyway, seeded menu): the repository and the
 * transactions of {@link OrderManagement}.
 */
@DataJpaTest
@Import(OrderManagement.class)
class OrderPersistenceTests {

	@Autowired
	private OrderRepository orders;

	@Autowired
	private MenuItemRepository menu;

	@Autowired
	private OrderManagement management;

	@Autowired
	private TestEntityManager entities;

	@MockitoBean
	private KitchenTickets kitchen;

	@Test
	void cancelsAPlacedOrderOnceTheKitchenCancelledItsTicket() {
		Order placed = this.orders.saveAndFlush(Orders.placed());
		this.entities.clear();

		Order cancelled = this.management.cancel(placed.getId());

		verify(this.kitchen).cancelTicket(placed.getId());
		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(storedStatus(placed.getId())).isEqualTo(OrderStatus.CANCELLED);
	}

	static Stream<Arguments> kitchenRefusals() {
		Function<UUID, RuntimeException> cookStarted = CookAlreadyStarted::new;
		Function<UUID, RuntimeException> cannotConfirm = (id) -> new KitchenUnavailable(id,
				new IllegalStateException("no instance"));
		return Stream.of(Arguments.of("says a cook started", cookStarted),
				Arguments.of("cannot confirm", cannotConfirm));
	}

	@ParameterizedTest(name = "the kitchen {0}")
	@MethodSource("kitchenRefusals")
	void keepsTheOrderAsItIsWhenTheKitchenDoesNotCancelItsTicket(String kitchen,
			Function<UUID, RuntimeException> refusal) {
		Order placed = this.orders.saveAndFlush(Orders.placed());
		RuntimeException refused = refusal.apply(placed.getId());
		willThrow(refused).given(this.kitchen).cancelTicket(placed.getId());
		this.entities.clear();

		assertThatExceptionOfType(refused.getClass()).isThrownBy(() -> this.management.cancel(placed.getId()));

		assertThat(storedStatus(placed.getId())).isEqualTo(OrderStatus.PLACED);
	}

	@Test
	void refusesToCancelAnOrderACookStartedWithoutAskingTheKitchen() {
		Order preparing = this.orders.saveAndFlush(Orders.inStatus(OrderStatus.PREPARING));
		this.entities.clear();

		assertThatExceptionOfType(OrderNotCancellable.class)
			.isThrownBy(() -> this.management.cancel(preparing.getId()));

		verifyNoInteractions(this.kitchen);
	}

	@Test
	void storesAnOrderWithItsLinesAndReadsItBack() {
		Order placed = this.orders.saveAndFlush(Orders.placed());
		this.entities.clear();

		Order read = this.orders.findById(placed.getId()).orElseThrow();

		// fetched with the order: a response is written after the transaction ended
		assertThat(linesFetched(read)).isTrue();
		assertThat(read).isNotSameAs(placed);
		assertThat(read.getStatus()).isEqualTo(OrderStatus.PLACED);
		assertThat(read.getTable()).isEqualTo("T4");
		assertThat(read.getTotal()).isEqualTo(new BigDecimal("21.40"));
		assertThat(read.getCreatedAt()).isEqualTo(placed.getCreatedAt());
		assertThat(read.getUpdatedAt()).isEqualTo(placed.getUpdatedAt());
		assertThat(read.getLines())
			.extracting(OrderLine::menuItemId, OrderLine::quantity, OrderLine::note, OrderLine::unitPrice,
					OrderLine::prepSeconds)
			.containsExactly(tuple("margherita", 2, "no basil", new BigDecimal("9.50"), 600),
					tuple("espresso", 1, null, new BigDecimal("2.40"), 45));
	}

	@Test
	void findsOrdersOldestFirstByStatusAndTable() {
		Order first = this.orders.saveAndFlush(Orders.placed());
		Order second = this.orders.saveAndFlush(Orders.inStatus(OrderStatus.READY));
		Order elsewhere = this.orders.saveAndFlush(Order.place("T9", Orders.placed().getLines(), "101", Instant.now()));
		this.entities.clear();

		assertThat(this.orders.find(null, null)).extracting(Order::getId)
			.containsExactly(first.getId(), second.getId(), elsewhere.getId());
		assertThat(this.orders.find(Set.of(), null)).extracting(Order::getId)
			.containsExactly(first.getId(), second.getId(), elsewhere.getId());
		assertThat(this.orders.find(Set.of(OrderStatus.PLACED), null)).extracting(Order::getId)
			.containsExactly(first.getId(), elsewhere.getId());
		assertThat(this.orders.find(Set.of(OrderStatus.READY, OrderStatus.PLACED), null)).extracting(Order::getId)
			.containsExactly(first.getId(), second.getId(), elsewhere.getId());
		assertThat(this.orders.find(null, "T4")).extracting(Order::getId)
			.containsExactly(first.getId(), second.getId());
		assertThat(this.orders.find(Set.of(OrderStatus.READY), "T4")).extracting(Order::getId)
			.containsExactly(second.getId());
		List<Order> ready = this.orders.find(Set.of(OrderStatus.READY), "T4");
		assertThat(linesFetched(ready.get(0))).isTrue();
		assertThat(ready.get(0).getLines()).hasSize(2);
		assertThat(this.orders.find(Set.of(OrderStatus.PAID, OrderStatus.CANCELLED), null)).isEmpty();
	}

	@Test
	void placesAnOrderCopyingNamePriceAndPrepTimeFromTheMenu() {
		Order order = this.management.place("T7",
				List.of(new RequestedItem("ribeye", 1, "medium rare"), new RequestedItem("house-red", 2, null)), "101");
		this.entities.clear();

		Order read = this.orders.findById(order.getId()).orElseThrow();
		MenuItem ribeye = this.menu.findById("ribeye").orElseThrow();
		MenuItem red = this.menu.findById("house-red").orElseThrow();
		assertThat(read.getLines()).extracting(OrderLine::name, OrderLine::unitPrice, OrderLine::prepSeconds)
			.containsExactly(tuple(ribeye.getName(), ribeye.getPrice(), ribeye.getPrepSeconds()),
					tuple(red.getName(), red.getPrice(), red.getPrepSeconds()));
		assertThat(read.getTotal()).isEqualTo(ribeye.getPrice().add(red.getPrice().multiply(BigDecimal.valueOf(2))));
		assertThat(read.getPlacedBy()).isEqualTo("101");
	}

	@Test
	void refusesUnknownAndUnavailableItemsAndStoresNothing() {
		MenuItem tiramisu = this.menu.findById("tiramisu").orElseThrow();
		tiramisu.changeAvailability(false);
		this.menu.saveAndFlush(tiramisu);

		assertThatExceptionOfType(MenuItemsNotOrderable.class)
			.isThrownBy(
					() -> this.management.place("T2",
							List.of(new RequestedItem("margherita", 1, null),
									new RequestedItem("pizza-hawaii", 1, null), new RequestedItem("tiramisu", 2, null)),
							"101"))
			.satisfies((ex) -> {
				assertThat(ex.getUnknown()).containsExactly("pizza-hawaii");
				assertThat(ex.getUnavailable()).containsExactly("tiramisu");
				assertThat(ex).hasMessageContaining("'pizza-hawaii'").hasMessageContaining("'tiramisu'");
			});
		assertThat(this.orders.count()).isZero();
	}

	@Test
	void repeatedKitchenNewsChangesNothing() {
		UUID id = this.orders.saveAndFlush(Orders.placed()).getId();

		this.management.ready(id, "kitchen-1");
		this.management.ready(id, "kitchen-1");
		this.management.cookingStarted(id, "kitchen-1");

		assertThat(storedStatus(id)).isEqualTo(OrderStatus.READY);
	}

	@Test
	void ignoresKitchenNewsForACancelledOrder() {
		Order order = Orders.inStatus(OrderStatus.CANCELLED);
		UUID id = this.orders.saveAndFlush(order).getId();

		this.management.cookingStarted(id, "kitchen-1");
		this.management.ready(id, "kitchen-1");

		assertThat(storedStatus(id)).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void takesPaymentNewsOnceAndRefusesItForAnOrderNotServed() {
		UUID served = this.orders.saveAndFlush(Orders.inStatus(OrderStatus.SERVED)).getId();
		UUID ready = this.orders.saveAndFlush(Orders.inStatus(OrderStatus.READY)).getId();

		this.management.paid(served, "bill-1");
		this.management.paid(served, "bill-1");

		assertThat(this.orders.findById(served).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
		assertThatExceptionOfType(OrderNotServed.class).isThrownBy(() -> this.management.paid(ready, "bill-2"));
	}

	@Test
	void answersNotFoundForAnUnknownOrder() {
		UUID unknown = UUID.randomUUID();

		assertThatExceptionOfType(OrderNotFound.class).isThrownBy(() -> this.management.serve(unknown));
		assertThatExceptionOfType(OrderNotFound.class).isThrownBy(() -> this.management.ready(unknown, null));
	}

	/** The order's status as the database holds it. */
	private OrderStatus storedStatus(UUID id) {
		this.entities.clear();
		return this.orders.findById(id).orElseThrow().getStatus();
	}

	private boolean linesFetched(Order order) {
		return this.entities.getEntityManager()
			.getEntityManagerFactory()
			.getPersistenceUnitUtil()
			.isLoaded(order, "lines");
	}

}
