package org.example.restaurant.kitchen.ticket;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.example.restaurant.platform.instance.InstanceId;
import org.example.restaurant.platform.metrics.AfterCommit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The kitchen's business metrics (docs/observability.md, "Metrics"), counted from the
 * ticket's domain events once the transaction that registered them committed
 * ({@link AfterCommit}; plain listeners, so that the outbox stores nothing for them):
 * <ul>
 * <li>{@code restaurant.ticket.wait}: {@code receivedAt -> startedAt}, when cooking
 * starts; a takeover keeps the first start, so it is not timed again;</li>
 * <li>{@code restaurant.ticket.cook}: {@code startedAt -> readyAt}, when the ticket is
 * ready;</li>
 * <li>{@code restaurant.tickets.cooked}: once per ticket made ready, tagged
 * {@code replica} with the instance id of the replica that cooked it
 * ({@code preparedBy}), which for a ticket a person marks ready is the replica that
 * started it.</li>
 * </ul>
 * Both timers publish a percentile histogram, so Prometheus computes any quantile from
 * the {@code _bucket} series; its buckets span {@link #SHORTEST} to {@link #LONGEST}
 * (Micrometer's default stops at 30 seconds, shorter than a real dish). This replica's
 * own counter is registered at zero from the start.
 */
@Component
class TicketMetrics {

	/** The shortest wait or cooking time the histograms tell apart. */
	static final Duration SHORTEST = Duration.ofMillis(100);

	/**
	 * The longest wait or cooking time the histograms tell apart; longer ones still
	 * count.
	 */
	static final Duration LONGEST = Duration.ofHours(2);

	private final MeterRegistry registry;

	private final Timer wait;

	private final Timer cook;

	TicketMetrics(MeterRegistry registry, InstanceId instanceId) {
		this.registry = registry;
		this.wait = histogram("restaurant.ticket.wait", "How long tickets waited for a cook, from arrival to start");
		this.cook = histogram("restaurant.ticket.cook", "How long tickets took to cook, from start to ready");
		cooked(instanceId.value());
	}

	@EventListener
	void on(TicketStarted started) {
		if (started.takenOverFrom() != null) {
			return;
		}
		// everything inside: nothing a metric does may fail the ticket's transaction
		AfterCommit.run(() -> this.wait.record(Duration.between(started.receivedAt(), started.at())));
	}

	@EventListener
	void on(TicketReady ready) {
		AfterCommit.run(() -> {
			this.cook.record(Duration.between(ready.startedAt(), ready.at()));
			cooked(ready.preparedBy()).increment();
		});
	}

	private Counter cooked(String replica) {
		return Counter.builder("restaurant.tickets.cooked")
			.description("Tickets cooked, by the replica that cooked them")
			.tag("replica", replica)
			.register(this.registry);
	}

	private Timer histogram(String name, String description) {
		return Timer.builder(name)
			.description(description)
			.publishPercentileHistogram()
			.minimumExpectedValue(SHORTEST)
			.maximumExpectedValue(LONGEST)
			.register(this.registry);
	}

}
