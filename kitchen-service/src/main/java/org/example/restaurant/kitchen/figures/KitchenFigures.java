package org.example.restaurant.kitchen.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.restaurant.kitchen.ticket.TicketStatus;
import org.example.restaurant.platform.figures.LiveFigures;
import org.example.restaurant.platform.instance.InstanceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;
import org.springframework.stereotype.Component;

/**
 * The kitchen's figures for the manager's live view (docs/observability.md), the same
 * whichever replica answers: they come from the shared database, as at now, each from one
 * aggregate query on indexed columns, and from the registry.
 * <ul>
 * <li>tickets waiting ({@code QUEUED}) and being prepared ({@code PREPARING});</li>
 * <li>the average wait ({@code receivedAt -> startedAt}) of the tickets started in the
 * last {@link #WINDOW}, and the average cooking time ({@code startedAt -> readyAt}) of
 * those made ready in it: the same spans as the timers {@code restaurant.ticket.wait} and
 * {@code restaurant.ticket.cook};</li>
 * <li>per replica, the tickets it is preparing and those it made ready in the last
 * minute. The replicas are the registry's {@code kitchen-service} instances (named and
 * given a status as in {@code GET /api/kitchen/cluster}), this replica itself, and any
 * other replica the database names for a ticket in those counts ({@code GONE}: it left
 * the registry, e.g. crashed with tickets in hand);</li>
 * <li>the answering replica's own outbox backlog (each replica keeps its own outbox of
 * messages to the order-service).</li>
 * </ul>
 * All are read the platform's way ({@link LiveFigures}): one read-only transaction, as at
 * one instant.
 */
@Component
class KitchenFigures {

	/** The span the averages look back over. */
	static final Duration WINDOW = Duration.ofMinutes(15);

	static final String SERVICE_ID = "kitchen-service";

	static final String GONE = "GONE";

	private final LiveFigures live;

	private final InstanceId instanceId;

	private final ObjectProvider<DiscoveryClient> discovery;

	KitchenFigures(LiveFigures live, InstanceId instanceId, ObjectProvider<DiscoveryClient> discovery) {
		this.live = live;
		this.instanceId = instanceId;
		this.discovery = discovery;
	}

	Figures now() {
		return this.live.read((moment) -> {
			Map<TicketStatus, Long> byStatus = new HashMap<>();
			moment
				.query("""
						select t.status, count(t) from Ticket t where t.status in :open group by t.status""",
						Object[].class)
				.setParameter("open", List.of(TicketStatus.QUEUED, TicketStatus.PREPARING))
				.getResultList()
				.forEach((row) -> byStatus.put((TicketStatus) row[0], ((Number) row[1]).longValue()));
			Double averageWait = average("""
					select avg((t.startedAt - t.receivedAt) by second) from Ticket t
					where t.startedAt > :since and t.startedAt <= :now""", moment);
			Double averageCook = average("""
					select avg((t.readyAt - t.startedAt) by second) from Ticket t
					where t.readyAt > :since and t.readyAt <= :now""", moment);
			return new Figures(moment.at(), byStatus.getOrDefault(TicketStatus.QUEUED, 0L),
					byStatus.getOrDefault(TicketStatus.PREPARING, 0L), averageWait, averageCook, replicas(moment),
					moment.outboxPending());
		});
	}

	private Double average(String query, LiveFigures.Moment moment) {
		Number seconds = moment.query(query, Number.class)
			.setParameter("since", moment.ago(WINDOW))
			.setParameter("now", moment.at())
			.getSingleResult();
		// tenths of a second are as precise as a chart of a kitchen needs
		return (seconds != null) ? Math.round(seconds.doubleValue() * 10) / 10.0 : null;
	}

	private List<Replica> replicas(LiveFigures.Moment moment) {
		Map<String, long[]> load = new HashMap<>();
		moment
			.query("""
					select t.preparedBy,
						sum(case when t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING then 1 else 0 end),
						sum(case when t.readyAt > :minuteAgo and t.readyAt <= :now then 1 else 0 end)
					from Ticket t
					where t.preparedBy is not null
						and (t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
							or (t.readyAt > :minuteAgo and t.readyAt <= :now))
					group by t.preparedBy""",
					Object[].class)
			.setParameter("minuteAgo", moment.ago(Duration.ofMinutes(1)))
			.setParameter("now", moment.at())
			.getResultList()
			.forEach((row) -> load.put((String) row[0],
					new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() }));
		Map<String, String> statuses = new HashMap<>();
		for (ServiceInstance instance : registered()) {
			String id = (instance.getInstanceId() != null) ? instance.getInstanceId()
					: instance.getHost() + ":" + instance.getPort();
			statuses.putIfAbsent(id, (instance instanceof EurekaServiceInstance eureka)
					? eureka.getInstanceInfo().getStatus().name() : "UP");
		}
		statuses.putIfAbsent(this.instanceId.value(), "UP");
		load.keySet().forEach((id) -> statuses.putIfAbsent(id, GONE));
		List<Replica> replicas = new ArrayList<>();
		statuses.forEach((id, status) -> {
			long[] counts = load.getOrDefault(id, new long[2]);
			replicas.add(new Replica(id, status, counts[0], counts[1]));
		});
		replicas.sort(Comparator.comparing(Replica::instanceId));
		return replicas;
	}

	private List<ServiceInstance> registered() {
		DiscoveryClient client = this.discovery.getIfAvailable();
		return (client != null) ? client.getInstances(SERVICE_ID) : List.of();
	}

	/**
	 * The kitchen's figures as at {@code at}.
	 *
	 * @param at when they were read (the answering replica's clock)
	 * @param ticketsWaiting tickets {@code QUEUED}, waiting for a cook
	 * @param ticketsPreparing tickets {@code PREPARING}
	 * @param averageWaitSeconds the average {@code receivedAt -> startedAt} of the
	 * tickets started in the last 15 minutes, {@code null} when none was
	 * @param averageCookSeconds the average {@code startedAt -> readyAt} of the tickets
	 * made ready in the last 15 minutes, {@code null} when none was
	 * @param replicas every replica, sorted by instance id
	 * @param outboxPending the answering replica's outbox messages not yet accepted by
	 * the order-service
	 */
	record Figures(Instant at, long ticketsWaiting, long ticketsPreparing, Double averageWaitSeconds,
			Double averageCookSeconds, List<Replica> replicas, int outboxPending) {
	}

	/**
	 * One replica's load.
	 *
	 * @param instanceId its instance id, as in {@code X-Instance-Id} and
	 * {@code preparedBy}
	 * @param status the registry's status, or {@code GONE}
	 * @param preparing tickets it is preparing
	 * @param cookedLastMinute tickets it made ready in the last minute
	 */
	record Replica(String instanceId, String status, long preparing, long cookedLastMinute) {
	}

}
