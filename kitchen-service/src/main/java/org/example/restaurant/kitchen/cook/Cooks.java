package org.example.restaurant.kitchen.cook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.example.restaurant.kitchen.support.InstanceId;
import org.example.restaurant.kitchen.ticket.ClaimedTicket;
import org.example.restaurant.kitchen.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The automatic cooks of this replica: {@code kitchen.cooks-per-replica} threads that
 * each claim the oldest queued ticket, prepare it for its scaled prep time and mark it
 * ready, over and over. Started with the application when {@code kitchen.auto-cook} is
 * on, and stopped (interrupted) before the rest of the application shuts down.
 * <p>
 * A ticket a cook was interrupted on stays {@code PREPARING} by this replica; taking such
 * tickets over is left to the lease that a claim will become.
 */
@Component
class Cooks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Cooks.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final KitchenSettings settings;

	private final TicketManagement tickets;

	private final InstanceId instanceId;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	Cooks(KitchenSettings settings, TicketManagement tickets, InstanceId instanceId) {
		this.settings = settings;
		this.tickets = tickets;
		this.instanceId = instanceId;
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.autoCook();
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
		log.info("{} cooks at work on {} (time scale {}, poll interval {})", this.settings.cooksPerReplica(), replica,
				this.settings.timeScale(), this.settings.pollInterval());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.threads.forEach(Thread::interrupt);
		for (Thread thread : this.threads) {
			try {
				thread.join(STOP_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.threads.clear();
		log.info("Cooks stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void work(String replica) {
		try {
			while (this.running) {
				Optional<ClaimedTicket> claimed = claim(replica);
				if (claimed.isPresent()) {
					Thread.sleep(this.settings.cookingTime(claimed.get().longestPrepSeconds()).toMillis());
					finish(claimed.get());
				}
				else {
					Thread.sleep(this.settings.pollInterval().toMillis());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Optional<ClaimedTicket> claim(String replica) {
		try {
			return this.tickets.claimNext(replica);
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for a queued ticket, trying again in {}: {}", this.settings.pollInterval(),
					ex.toString());
			return Optional.empty();
		}
	}

	/**
	 * Marks a cooked ticket ready, trying again while the database refuses, so that a
	 * short database outage does not leave a cooked ticket in PREPARING.
	 */
	private void finish(ClaimedTicket claimed) throws InterruptedException {
		while (true) {
			try {
				this.tickets.finish(claimed);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not mark ticket {} for order {} ready, trying again in {}: {}", claimed.ticketId(),
						claimed.orderId(), this.settings.pollInterval(), ex.toString());
				Thread.sleep(this.settings.pollInterval().toMillis());
			}
		}
	}

}
