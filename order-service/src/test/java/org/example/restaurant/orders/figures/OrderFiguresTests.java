package org.example.restaurant.orders.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.example.restaurant.orders.menu.MenuItems;
import org.example.restaurant.orders.order.Order;
import org.example.restaurant.orders.order.OrderLine;
import org.example.restaurant.orders.order.OrderRepository;
import org.example.restaurant.orders.order.OrderStatus;
import org.example.restaurant.platform.figures.LiveFigures;
import org.example.restaurant.platform.outbox.Outbox;
import org.example.restaurant.platform.test.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.BDDMockito.given;

/**
 * The order-service's figures against the real schema, for a known set of orders around a
 * set moment.
 */
@DataJpaTest
@Import({ OrderFigures.class, LiveFigures.class, OrderFiguresTests.Clocks.class })
class OrderFiguresTests {

	static final Instant NOW = Instant.parse("2031-03-14T12:00:00Z");

	@Autowired
	private OrderFigures figures;

	@Autowired
	private OrderRepository orders;

	@MockitoBean
	private Outbox outbox;

	@BeforeEach
	void anOutboxWithTwoMessagesWaiting() {
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(2, 0, NOW.minusSeconds(5)));
	}

	@Test
	void countsTheOrdersOfTheLastMinuteAndHourAndTheOpenOnesByStatus() {
		placed(Duration.ofSeconds(20), OrderStatus.PLACED);
		placed(Duration.ofSeconds(59), OrderStatus.PREPARING);
		placed(Duration.ofSeconds(61), OrderStatus.READY);
		placed(Duration.ofMinutes(59), OrderStatus.SERVED);
		placed(Duration.ofMinutes(61), OrderStatus.CANCELLED);
		placed(Duration.ofHours(2), OrderStatus.PAID);
		placed(Duration.ofHours(3), OrderStatus.PLACED);
		this.orders.flush();

		OrderFigures.Figures now = this.figures.now();

		assertThat(now.at()).isEqualTo(NOW);
		assertThat(now.ordersLastMinute()).isEqualTo(2);
		assertThat(now.ordersLastHour()).isEqualTo(4);
		assertThat(now.openOrders()).containsExactly(entry(OrderStatus.PLACED, 2L), entry(OrderStatus.PREPARING, 1L),
				entry(OrderStatus.READY, 1L), entry(OrderStatus.SERVED, 1L));
		assertThat(now.outboxPending()).isEqualTo(2);
	}

	@Test
	void answersZeroesForAQuietRestaurant() {
		OrderFigures.Figures now = this.figures.now();

		assertThat(now.ordersLastMinute()).isZero();
		assertThat(now.ordersLastHour()).isZero();
		assertThat(now.openOrders()).containsOnlyKeys(OrderFigures.OPEN).allSatisfy((status, count) -> {
			assertThat(count).as(status.name()).isZero();
		});
	}

	/** An order placed {@code ago} before now and moved on to {@code status}. */
	private void placed(Duration ago, OrderStatus status) {
		Instant at = NOW.minus(ago);
		Order order = Order.place("T1", List.of(OrderLine.of(MenuItems.espresso(), 1, null)), "101", at);
		switch (status) {
			case PLACED -> {
			}
			case CANCELLED -> order.cancel(at);
			default -> {
				order.startPreparing(at);
				if (status != OrderStatus.PREPARING) {
					order.markReady(at);
				}
				if (status == OrderStatus.SERVED || status == OrderStatus.PAID) {
					order.serve(at);
				}
				if (status == OrderStatus.PAID) {
					order.pay(at);
				}
			}
		}
		this.orders.save(order);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		TestClock clock() {
			return new TestClock(NOW);
		}

	}

}
