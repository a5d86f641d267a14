package org.example.restaurant.orders.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.restaurant.orders.order.OrderStatus;
import org.example.restaurant.platform.figures.LiveFigures;

import org.springframework.stereotype.Component;

/**
 * The order-service's figures for the manager's live view (docs/observability.md), read
 * from its own database as at now, each with one aggregate query on an indexed column:
 * the orders placed in the last minute and the last hour ({@code orders.created_at}), the
 * open orders by status ({@code orders.status}), and the outbox's backlog, all read the
 * platform's way ({@link LiveFigures}).
 */
@Component
class OrderFigures {

	/** An order is open until it is paid or cancelled. */
	static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.PLACED, OrderStatus.PREPARING, OrderStatus.READY,
			OrderStatus.SERVED);

	private final LiveFigures live;

	OrderFigures(LiveFigures live) {
		this.live = live;
	}

	Figures now() {
		return this.live.read((moment) -> {
			Object[] placed = moment.query("""
					select sum(case when o.createdAt > :minuteAgo then 1 else 0 end), count(o)
					from Order o where o.createdAt > :hourAgo and o.createdAt <= :now""", Object[].class)
				.setParameter("minuteAgo", moment.ago(Duration.ofMinutes(1)))
				.setParameter("hourAgo", moment.ago(Duration.ofHours(1)))
				.setParameter("now", moment.at())
				.getSingleResult();
			Map<OrderStatus, Long> open = new LinkedHashMap<>();
			OPEN.forEach((status) -> open.put(status, 0L));
			List<Object[]> byStatus = moment.query("""
					select o.status, count(o) from Order o where o.status in :open group by o.status""", Object[].class)
				.setParameter("open", OPEN)
				.getResultList();
			for (Object[] row : byStatus) {
				open.put((OrderStatus) row[0], ((Number) row[1]).longValue());
			}
			return new Figures(moment.at(), LiveFigures.count(placed[0]), LiveFigures.count(placed[1]), open,
					moment.outboxPending());
		});
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
