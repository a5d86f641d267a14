package org.example.restaurant.platform.outbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.core.task.TaskDecorator;

/**
 * Keeps a rush of requests from running ahead of the messages they write. The outbox's
 * messages are sent by the asynchronous listeners after each commit, on the task
 * executor's threads; under a rush the requests take the database's commits and the CPU,
 * and those sends wait in the executor's queue, so the kitchen received its tickets 15 s
 * after their orders (docs/performance.md). With its {@link #decorator()} on that
 * executor this counts the sends handed to the executor and not yet finished, queued or
 * running ({@code sending}); a request marked {@link PacedByTheOutbox} waits, before it
 * starts its own work, while {@code restaurant.outbox.pacing.limit} sends are ahead of
 * it, for at most {@code restaurant.outbox.pacing.max-wait}, and then goes on all the
 * same: it is slowed, never refused, so an order is still taken while the kitchen is down
 * or hangs.
 * <p>
 * It waits before its transaction, so that a waiting request holds no database connection
 * (a request that sent its messages itself after the commit starved the connection pool:
 * docs/performance.md). Metrics: the gauge {@code restaurant.outbox.sending} and the
 * timer {@code restaurant.outbox.pacing} of the requests that waited, tagged
 * {@code outcome} {@code room} or {@code timed-out}.
 */
public final class OutboxPacing implements MeterBinder {

	private final OutboxPacingProperties properties;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition finished = this.lock.newCondition();

	private int sending;

	private volatile Timer foundRoom;

	private volatile Timer timedOut;

	public OutboxPacing(OutboxPacingProperties properties) {
		this.properties = properties;
	}

	/**
	 * The decorator of the executor of the asynchronous listeners (only that one: a task
	 * scheduler runs a decorated periodic task many times).
	 * @return the decorator
	 */
	public TaskDecorator decorator() {
		return this::decorate;
	}

	Runnable decorate(Runnable send) {
		change(1);
		return () -> {
			try {
				send.run();
			}
			finally {
				change(-1);
			}
		};
	}

	private void change(int by) {
		this.lock.lock();
		try {
			this.sending += by;
			if (by < 0) {
				this.finished.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The sends handed to the executor and not finished yet.
	 * @return how many
	 */
	public int sending() {
		this.lock.lock();
		try {
			return this.sending;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits while {@code limit} sends or more are ahead, at most {@code max-wait}.
	 * @return whether there was room in time (also when pacing is off, limit 0)
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public boolean awaitRoom() throws InterruptedException {
		int limit = this.properties.limit();
		if (limit <= 0) {
			return true;
		}
		long start = System.nanoTime();
		long left = this.properties.maxWait().toNanos();
		this.lock.lock();
		try {
			if (this.sending < limit) {
				return true;
			}
			while (this.sending >= limit && left > 0) {
				left = this.finished.awaitNanos(left);
			}
			boolean room = this.sending < limit;
			Timer waited = room ? this.foundRoom : this.timedOut;
			if (waited != null) {
				waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			return room;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("restaurant.outbox.sending", this, OutboxPacing::sending)
			.description("Outbox messages handed to the sending threads and not yet sent (queued or in flight)")
			.register(meters);
		this.foundRoom = pacing(meters, "room");
		this.timedOut = pacing(meters, "timed-out");
	}

	private static Timer pacing(MeterRegistry meters, String outcome) {
		return Timer.builder("restaurant.outbox.pacing")
			.description("How long requests paced by the outbox waited for its sends")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(meters);
	}

}
