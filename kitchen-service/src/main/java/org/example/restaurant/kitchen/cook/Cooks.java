package org.example.restaurant.kitchen.cook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.example.restaurant.kitchen.ticket.ClaimedTicket;
import org.example.restaurant.kitchen.ticket.TicketLeases;
import org.example.restaurant.platform.instance.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The automatic cooks of this replica: {@code kitchen.cooks-per-replica} threads that
 * each claim the oldest ticket that needs a cook (queued, or left behind by a replica
 * whose lease passed), prepare it for its scaled prep time and mark it ready, over and
 * over. Started with the application when {@code kitchen.auto-cook} is on.
 * <p>
 * While it cooks, a cook renews its lease on the ticket every third of
 * {@code kitchen.lease}. If a renewal finds that the ticket is no longer its own (this
 * replica was paused or cut off for longer than a lease and another replica took the
 * ticket over, or a person marked it ready), the cook drops the ticket, changing nothing,
 * and looks for the next one. A renewal that fails because the database cannot be reached
 * is tried again at the next period, cooking on. Marking the ticket ready is tried again
 * only after a transient failure, and for a bounded time (see {@link #finish}); after
 * that, or after any other failure, the cook gives the ticket up and goes back to
 * cooking.
 * <p>
 * On a normal shutdown the cooks stop claiming, are interrupted, and the replica hands
 * its unfinished tickets back (their leases end at once) so that other replicas take them
 * over without waiting a whole lease. This happens in the first shutdown phase, long
 * before the datasource closes (beans are destroyed only after every phase has stopped),
 * and within {@link #STOP_WAIT} plus one update, well inside
 * {@code spring.lifecycle.timeout-per-shutdown-phase}.
 * <p>
 * Each ticket a cook prepares is a trace of its own (docs/observability.md, "Traces"): a
 * span {@value #SPAN} from the claim to the ticket's ready, whose {@code orderId} baggage
 * is the ticket's order ({@link TicketLeases#claimNext} sets it), so every log line of
 * the cooking carries the trace id and the order id, and the news it sends the
 * order-service (cooking started, ticket ready) continues that trace there. A look at the
 * queue that finds nothing to cook is no trace: its span is abandoned, never reported (a
 * cook looks every {@code kitchen.poll-interval}).
 */
@Component
class Cooks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Cooks.class);

	/**
	 * Cooks stop right after the replica left rotation (the phase above), before the web
	 * server drains and long before the datasource closes, so the hand-back can still
	 * reach the database.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	/** The name of the span of one ticket's cooking. */
	static final String SPAN = "cook ticket";

	private final KitchenSettings settings;

	private final TicketLeases leases;

	private final InstanceId instanceId;

	private final Tracer tracer;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	Cooks(KitchenSettings settings, TicketLeases leases, InstanceId instanceId, Tracer tracer) {
		this.settings = settings;
		this.leases = leases;
		this.instanceId = instanceId;
		this.tracer = tracer;
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.autoCook();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		String replica = this.instanceId.value();
		for (int i = 1; i <= this.settings.cooksPerReplica(); i++) {
			Thread thread = new Thread(() -> work(replica), "cook-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
		log.info("{} cooks at work on {} (time scale {}, poll interval {}, lease {})", this.settings.cooksPerReplica(),
				replica, this.settings.timeScale(), this.settings.pollInterval(), this.settings.lease());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.threads.forEach(Thread::interrupt);
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.threads.clear();
		handBack();
		log.info("Cooks stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void handBack() {
		try {
			this.leases.handBack(this.instanceId.value());
		}
		catch (RuntimeException ex) {
			log.warn("Could not hand back the unfinished tickets; other replicas take them over when their leases"
					+ " pass, within {}: {}", this.settings.lease(), ex.toString());
		}
	}

	private void work(String replica) {
		try {
			while (this.running) {
				if (!claimAndCook(replica)) {
					Thread.sleep(this.settings.pollInterval().toMillis());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Claims the next ticket and cooks it, in a span of its own.
	 * @return whether there was a ticket to cook
	 */
	private boolean claimAndCook(String replica) throws InterruptedException {
		Span span = this.tracer.nextSpan().name(SPAN).tag("replica", replica).start();
		boolean cooked = false;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			Optional<ClaimedTicket> claimed = claim(replica);
			if (claimed.isEmpty()) {
				return false;
			}
			cooked = true;
			span.tag("ticket", claimed.get().ticketId().toString());
			cook(claimed.get());
			return true;
		}
		catch (InterruptedException | RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			if (cooked) {
				span.end();
			}
			else {
				span.abandon();
			}
		}
	}

	private Optional<ClaimedTicket> claim(String replica) {
		try {
			return this.leases.claimNext(replica, this.settings.lease());
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for a ticket to cook, trying again in {}: {}", this.settings.pollInterval(),
					ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * Cooks a ticket for its whole cooking time, renewing the lease every renewal period,
	 * then marks it ready; gives the ticket up as soon as a renewal finds it lost.
	 */
	private void cook(ClaimedTicket claimed) throws InterruptedException {
		ClaimedTicket held = claimed;
		long renewEvery = this.settings.renewalPeriod().toNanos();
		long done = System.nanoTime() + this.settings.cookingTime(claimed.longestPrepSeconds()).toNanos();
		for (long left = done - System.nanoTime(); left > 0; left = done - System.nanoTime()) {
			TimeUnit.NANOSECONDS.sleep(Math.min(left, renewEvery));
			if (done - System.nanoTime() <= 0) {
				break;
			}
			try {
				Optional<ClaimedTicket> renewed = this.leases.renewLease(held, this.settings.lease());
				if (renewed.isEmpty()) {
					return;
				}
				held = renewed.get();
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the lease on ticket {} for order {}, cooking on and trying again in {}: {}",
						held.ticketId(), held.orderId(), this.settings.renewalPeriod(), ex.toString());
			}
		}
		finish(held);
	}

	/**
	 * Marks a cooked ticket ready. A transient failure ({@link DatabaseFailures}: the
	 * database unreachable or busy for a moment) is tried again every poll interval, so
	 * that a short outage does not leave a cooked ticket in PREPARING, but for at most
	 * one lease from the first failure: by then the lease this cook holds has passed (it
	 * was renewed at most one lease before), another replica may have taken the ticket
	 * over, and the cook is of more use at the next ticket. Any other failure is logged
	 * once and not tried again, since it would fail the same way.
	 * <p>
	 * A cook that gives a ticket up simply stops renewing it: the lease lapses, and a
	 * replica (this one too) takes the ticket over at its next claim and cooks it again.
	 * Letting the lease lapse, rather than handing the ticket back at once, also keeps a
	 * ticket that fails every time from going round the replicas without a pause. If
	 * another replica took the ticket over in the meantime, finishing it changes nothing.
	 */
	private void finish(ClaimedTicket claimed) throws InterruptedException {
		long giveUpAt = 0;
		for (int attempt = 1;; attempt++) {
			try {
				this.leases.finish(claimed);
				return;
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.isTransient(ex)) {
					log.error(
							"Could not mark ticket {} for order {} ready, and trying again would fail the same way;"
									+ " gave it up: another replica takes it over once its lease passes, within {}",
							claimed.ticketId(), claimed.orderId(), this.settings.lease(), ex);
					return;
				}
				if (attempt == 1) {
					giveUpAt = System.nanoTime() + this.settings.lease().toNanos();
				}
				else if (System.nanoTime() - giveUpAt >= 0) {
					log.warn(
							"Could not mark ticket {} for order {} ready in {} attempts over {}; gave it up: another"
									+ " replica takes it over now that its lease has passed: {}",
							claimed.ticketId(), claimed.orderId(), attempt, this.settings.lease(), ex.toString());
					return;
				}
				log.warn("Could not mark ticket {} for order {} ready, trying again in {}: {}", claimed.ticketId(),
						claimed.orderId(), this.settings.pollInterval(), ex.toString());
				Thread.sleep(this.settings.pollInterval().toMillis());
			}
		}
	}

}
