package org.example.restaurant.orders.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.example.restaurant.orders.order.OrderStatus;
import org.example.restaurant.platform.outbox.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order-service's figures for the manager's live view (docs/observability.md), read
 * from its own database as at now, each with one aggregate query on an indexed column:
 * the orders placed in the last minute and the last hour ({@code orders.created_at}), the
 * open orders by status ({@code orders.status}), and the outbox's backlog as the
 * platform's {@link Outbox} saw it at its last look (every
 * {@code restaurant.outbox.resubmit-interval}).
 */
@Component
class OrderFigures {

	/** An order is open until it is paid or cancelled. */
	static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY,
			OrderStatus.SERVED);

	private final EntityManager entityManager;

	private final Clock clock;

	private final Outbox outbox;

	OrderFigures(EntityManager entityManager, Clock clock, Outbox outbox) {
		this.entityManager = entityManager;
		this.clock = clock;
		this.outbox = outbox;
	}

	@Transactional(readOnly = true)
	Figures now() {
		Instant now = this.clock.instant();
		Object[] placed = this.entityManager.createQuery("""
				select sum(case when o.createdAt > :minuteAgo then 1 else 0 end), count(o)
				from Order o where o.createdAt > :hourAgo and o.createdAt <= :now""", Object[].class)
			.setParameter("minuteAgo", now.minus(Duration.ofMinutes(1)))
			.setParameter("hourAgo", now.minus(Duration.ofHours(1)))
			.setParameter("now", now)
			.getSingleResult();
		Map<OrderStatus, Long> open = new LinkedHashMap<>();
		OPEN.forEach((status) -> open.put(status, 0L));
		List<Object[]> byStatus = this.entityManager.createQuery("""
				select o.status, count(o) from Order o where o.status in :open group by o.status""", Object[].class)
			.setParameter("open", OPEN)
			.getResultList();
		for (Object[] row : byStatus) {
			open.put((OrderStatus) row[0], ((Number) row[1]).longValue());
		}
		return new Figures(now, count(placed[0]), count(placed[1]), open, this.outbox.backlog().pending());
	}

	private static long count(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	/**
	 * The order-service's figures as at {@code at}.
	 *
	 * @param at when they were read (the service's clock)
	 * @param ordersLastMinute orders placed in the minute up to {@code at}
	 * @param ordersLastHour orders placed in the hour up to {@code at}
	 * @param openOrders the orders neither paid nor cancelled, by status ({@code PLACED},
	 * {@code PREPARING}, {@code READY}, {@code SERVED}, each present, 0 when none)
	 * @param outboxPending messages in the outbox not yet accepted by the kitchen or the
	 * cashier
	 */
	record Figures(Instant at, long ordersLastMinute, long ordersLastHour, Map<OrderStatus, Long> openOrders,
			int outboxPending) {
	}

}
