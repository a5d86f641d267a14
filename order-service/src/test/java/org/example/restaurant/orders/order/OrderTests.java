package org.example.restaurant.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.example.restaurant.orders.menu.MenuItems;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;
import org.example.restaurant.orders.order.OrderEvents.OrderServed;
import org.example.restaurant.orders.order.OrderEvents.OrderStatusChanged;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotCancellable;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotPlaced;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotPreparing;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotReady;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotServed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OrderTests {

	@Test
	void aNewOrderIsPlacedWithCopiedLinesAndItsTotal() {
		Order order = Orders.placed();

		assertThat(order.getId()).isNotNull();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
		assertThat(order.getTable()).isEqualTo("T4");
		assertThat(order.getLines())
			.extracting(OrderLine::menuItemId, OrderLine::name, OrderLine::unitPrice, OrderLine::quantity,
					OrderLine::note, OrderLine::prepSeconds, OrderLine::lineTotal)
			.containsExactly(
					tuple("margherita", "Pizza Margherita", new BigDecimal("9.50"), 2, "no basil", 600,
							new BigDecimal("19.00")),
					tuple("espresso", "Espresso", new BigDecimal("2.40"), 1, null, 45, new BigDecimal("2.40")));
		assertThat(order.getTotal()).isEqualTo(new BigDecimal("21.40"));
		assertThat(order.getItemCount()).isEqualTo(3);
		assertThat(order.getCreatedAt()).isNotNull().isEqualTo(order.getUpdatedAt());
	}

	@Test
	void announcesItselfWhenPlaced() {
		Order order = Orders.placed();

		assertThat(order.pendingEvents()).containsExactly(new OrderPlaced(order.getId()),
				new OrderStatusChanged(order.getId(), OrderStatus.PLACED));
	}

	@Test
	void registersEachStatusItReaches() {
		Order order = Orders.placed();

		order.acknowledgeReady(Instant.now());
		order.serve(Instant.now());
		order.pay(Instant.now());

		assertThat(order.pendingEvents()).filteredOn(OrderStatusChanged.class::isInstance)
			.extracting((event) -> ((OrderStatusChanged) event).status())
			.containsExactly(OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.SERVED,
					OrderStatus.PAID);
	}

	@Test
	void refusesAnOrderWithoutLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> Order.place("T4", List.of(), "101", Instant.now()));
	}

	@Test
	void laterMenuChangesDoNotChangeAnOrder() {
		var margherita = MenuItems.margherita();
		Order order = Order.place("T1", List.of(OrderLine.of(margherita, 1, null)), "101", Instant.now());

		margherita.revise("Pizza Margherita DOP", margherita.getCategory(), new BigDecimal("11.00"), 700);

		assertThat(order.getLines().get(0).name()).isEqualTo("Pizza Margherita");
		assertThat(order.getLines().get(0).unitPrice()).isEqualTo(new BigDecimal("9.50"));
		assertThat(order.getLines().get(0).prepSeconds()).isEqualTo(600);
		assertThat(order.getTotal()).isEqualTo(new BigDecimal("9.50"));
	}

	@Test
	void goesThroughItsWholeLife() {
		Order order = Orders.placed();

		order.startPreparing(Instant.now());
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PREPARING);
		order.markReady(Instant.now());
		assertThat(order.getStatus()).isEqualTo(OrderStatus.READY);
		order.serve(Instant.now());
		assertThat(order.getStatus()).isEqualTo(OrderStatus.SERVED);
		order.pay(Instant.now());
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(order.getUpdatedAt()).isAfterOrEqualTo(order.getCreatedAt());
	}

	@Test
	void servingAsksForABill() {
		Order order = Orders.inStatus(OrderStatus.READY);

		order.serve(Instant.now());

		assertThat(order.pendingEvents()).contains(new OrderServed(order.getId()));
	}

	@Test
	void cancelsAPlacedOrderWithoutAMessageForTheKitchen() {
		Order order = Orders.placed();
		int eventsBefore = order.pendingEvents().size();

		order.checkCancellable();
		order.cancel(Instant.now());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.isCancelled()).isTrue();
		assertThat(order.pendingEvents()).as("the kitchen cancelled the ticket before")
			.hasSize(eventsBefore + 1)
			.last()
			.isEqualTo(new OrderStatusChanged(order.getId(), OrderStatus.CANCELLED));
	}

	/**
	 * Each move forward, from every status but the one it starts from.
	 */
	static Stream<Arguments> movesFromAWrongStatus() {
		return Stream.of(
				fromAnyStatusBut(OrderStatus.PLACED, "startPreparing", (order) -> order.startPreparing(Instant.now()),
						OrderNotPlaced.class),
				fromAnyStatusBut(OrderStatus.PREPARING, "markReady", (order) -> order.markReady(Instant.now()),
						OrderNotPreparing.class),
				fromAnyStatusBut(OrderStatus.READY, "serve", (order) -> order.serve(Instant.now()),
						OrderNotReady.class),
				fromAnyStatusBut(OrderStatus.SERVED, "pay", (order) -> order.pay(Instant.now()), OrderNotServed.class))
			.flatMap(Function.identity());
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("movesFromAWrongStatus")
	void refusesAMoveFromAnyStatusButTheOneItStartsFrom(Consumer<Order> move, OrderStatus status,
			Class<? extends OrderTransitionRefused> refusal) {
		assertRefused(status, move, refusal);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = "PLACED", mode = Mode.EXCLUDE)
	void refusesToCancelAnOrderOnceACookStartedOrItIsOver(OrderStatus status) {
		assertRefused(status, (order) -> order.cancel(Instant.now()), OrderNotCancellable.class);
		assertRefused(status, Order::checkCancellable, OrderNotCancellable.class);
	}

	@Test
	void aRefusalNamesTheOrderAndItsStatus() {
		Order order = Orders.inStatus(OrderStatus.PREPARING);

		assertThatThrownBy(() -> order.serve(Instant.now())).isInstanceOfSatisfying(OrderNotReady.class, (ex) -> {
			assertThat(ex.getOrderId()).isEqualTo(order.getId());
			assertThat(ex.getStatus()).isEqualTo(OrderStatus.PREPARING);
			assertThat(ex).hasMessageContaining(order.getId().toString()).hasMessageContaining("PREPARING");
		});
	}

	@Test
	void theKitchenStartingAPlacedOrderMovesItToPreparing() {
		Order order = Orders.placed();

		assertThat(order.acknowledgeCookingStarted(Instant.now())).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PREPARING);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = "PLACED", mode = Mode.EXCLUDE)
	void newsThatACookStartedChangesNothingOncePastPlaced(OrderStatus status) {
		Order order = Orders.inStatus(status);

		assertThat(order.acknowledgeCookingStarted(Instant.now())).isFalse();
		assertThat(order.getStatus()).isEqualTo(status);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "PLACED", "PREPARING" })
	void newsThatTheOrderIsReadyMovesItToReady(OrderStatus status) {
		Order order = Orders.inStatus(status);

		assertThat(order.acknowledgeReady(Instant.now())).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.READY);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "READY", "SERVED", "PAID", "CANCELLED" })
	void newsThatTheOrderIsReadyChangesNothingWhenItAlreadyIsOrWasCancelled(OrderStatus status) {
		Order order = Orders.inStatus(status);

		assertThat(order.acknowledgeReady(Instant.now())).isFalse();
		assertThat(order.getStatus()).isEqualTo(status);
	}

	@Test
	void newsOfPaymentMarksAServedOrderPaidOnce() {
		Order order = Orders.inStatus(OrderStatus.SERVED);

		assertThat(order.acknowledgePayment(Instant.now())).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(order.acknowledgePayment(Instant.now())).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "PLACED", "PREPARING", "READY", "CANCELLED" })
	void refusesNewsOfPaymentForAnOrderThatWasNotServed(OrderStatus status) {
		assertRefused(status, (order) -> order.acknowledgePayment(Instant.now()), OrderNotServed.class);
	}

	private static Stream<Arguments> fromAnyStatusBut(OrderStatus from, String name, Consumer<Order> move,
			Class<? extends OrderTransitionRefused> refusal) {
		return EnumSet.complementOf(EnumSet.of(from))
			.stream()
			.map((status) -> arguments(named(name, move), status, refusal));
	}

	private static void assertRefused(OrderStatus status, Consumer<Order> transition,
			Class<? extends OrderTransitionRefused> refusal) {
		Order order = Orders.inStatus(status);
		var updatedAt = order.getUpdatedAt();
		int events = order.pendingEvents().size();

		assertThatThrownBy(() -> transition.accept(order)).isInstanceOf(refusal);
		assertThat(order.getStatus()).isEqualTo(status);
		assertThat(order.getUpdatedAt()).isEqualTo(updatedAt);
		assertThat(order.pendingEvents()).hasSize(events);
	}

}
