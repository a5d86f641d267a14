package org.example.restaurant.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.function.SingletonSupplier;

/**
 * The outbox table (Spring Modulith's {@link EventPublicationRepository}) with the two
 * marks of every delivery, "under way" ({@code markProcessing}) and "done"
 * ({@code markCompleted}), written for many messages in one transaction instead of one
 * transaction each.
 * <p>
 * Spring Modulith writes each mark in a transaction of its own, so a message cost its
 * service three commits: its row, written with the change that made it, then the two
 * marks. On H2 (a file write at every commit) and under a rush those commits set the
 * service's pace (docs/performance.md). Here a listener's mark is queued and the listener
 * goes on; one thread writes what has queued in one transaction, and while it commits the
 * next marks queue for the next one, so the more there are the larger the group and
 * nothing waits for a timer. A message whose "done" is in the group gets no "under way".
 * <p>
 * Nothing is lost that matters: a mark not yet written when the process dies (or whose
 * transaction fails, which is logged) leaves the message incomplete in the table, and the
 * outbox sends it again ({@link Outbox}), to idempotent receivers. Every other operation
 * writes the queued marks first, in the order they were made, so a "failed" or a
 * "resubmitted" is never overwritten by an older mark, and what is read is what was
 * marked. The message's own row ({@code create}) is written at once, in the caller's
 * transaction, as before. Closed, it writes what is queued and then each mark at once.
 */
final class BatchedMarks implements EventPublicationRepository {

	private static final Logger log = LoggerFactory.getLogger(BatchedMarks.class);

	private final EventPublicationRepository table;

	private final Supplier<TransactionOperations> transactions;

	/**
	 * Held while marks are taken from the queue and written, so they keep their order.
	 */
	private final ReentrantLock writing = new ReentrantLock();

	private final ReentrantLock queueing = new ReentrantLock();

	private final Condition queued = this.queueing.newCondition();

	private List<Mark> queue = new ArrayList<>();

	private boolean closed;

	private final Thread writer;

	/**
	 * @param table the repository that writes the table
	 * @param transactions the transactions a group of marks is written in, each a new one
	 * (looked up when the first group is written)
	 */
	BatchedMarks(EventPublicationRepository table, Supplier<TransactionOperations> transactions) {
		this.table = table;
		this.transactions = SingletonSupplier.of(transactions);
		this.writer = new Thread(this::writeWhileOpen, "outbox-marks");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void markProcessing(UUID identifier) {
		queue(new Mark(identifier, null));
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		queue(new Mark(identifier, completionDate));
	}

	private void queue(Mark mark) {
		this.queueing.lock();
		try {
			if (!this.closed) {
				this.queue.add(mark);
				this.queued.signal();
				return;
			}
		}
		finally {
			this.queueing.unlock();
		}
		afterQueued(() -> mark.writeTo(this.table));
	}

	private void writeWhileOpen() {
		while (awaitQueued()) {
			writeQueued();
		}
	}

	private boolean awaitQueued() {
		this.queueing.lock();
		try {
			while (this.queue.isEmpty() && !this.closed) {
				this.queued.awaitUninterruptibly();
			}
			return !this.queue.isEmpty();
		}
		finally {
			this.queueing.unlock();
		}
	}

	/** Writes what is queued, in one transaction. */
	void writeQueued() {
		this.writing.lock();
		try {
			List<Mark> group = takeQueued();
			if (group.isEmpty()) {
				return;
			}
			Set<UUID> done = new HashSet<>();
			group.stream().filter(Mark::done).forEach((mark) -> done.add(mark.identifier()));
			try {
				this.transactions.get().executeWithoutResult((transaction) -> {
					for (Mark mark : group) {
						if (mark.done() || !done.contains(mark.identifier())) {
							mark.writeTo(this.table);
						}
					}
				});
			}
			catch (RuntimeException ex) {
				log.warn("Outbox: could not mark {} deliveries under way or done ({}); those done will be sent again",
						group.size(), ex.toString());
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	private List<Mark> takeQueued() {
		this.queueing.lock();
		try {
			List<Mark> taken = this.queue;
			this.queue = new ArrayList<>();
			return taken;
		}
		finally {
			this.queueing.unlock();
		}
	}

	/** Writes what is queued and then each mark at once; for the end of the process. */
	void close() {
		this.queueing.lock();
		try {
			this.closed = true;
			this.queued.signal();
		}
		finally {
			this.queueing.unlock();
		}
		writeQueued();
	}

	/** Runs an operation after the marks queued before it are written, in their order. */
	private void afterQueued(Runnable operation) {
		afterQueued(() -> {
			operation.run();
			return null;
		});
	}

	/** Runs an operation after the marks queued before it are written, in their order. */
	private <T> T afterQueued(Supplier<T> operation) {
		this.writing.lock();
		try {
			writeQueued();
			return operation.get();
		}
		finally {
			this.writing.unlock();
		}
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		return this.table.create(publication);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		afterQueued(() -> this.table.markCompleted(event, identifier, completionDate));
	}

	@Override
	public void markFailed(UUID identifier) {
		afterQueued(() -> this.table.markFailed(identifier));
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		return afterQueued(() -> this.table.markResubmitted(identifier, resubmissionDate));
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		return afterQueued(this.table::findIncompletePublications);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		return afterQueued(() -> this.table.findIncompletePublicationsPublishedBefore(instant));
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		return afterQueued(
				() -> this.table.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier));
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		return afterQueued(this.table::findCompletedPublications);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		return afterQueued(() -> this.table.findFailedPublications(criteria));
	}

	@Override
	public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
		return afterQueued(() -> this.table.findByStatus(status));
	}

	@Override
	public int countByStatus(EventPublication.Status status) {
		return afterQueued(() -> this.table.countByStatus(status));
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		afterQueued(() -> this.table.deletePublications(identifiers));
	}

	@Override
	public void deleteCompletedPublications() {
		afterQueued(() -> this.table.deleteCompletedPublications());
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		afterQueued(() -> this.table.deleteCompletedPublicationsBefore(instant));
	}

	/**
	 * A delivery's mark: under way, or done at {@code completedAt}.
	 */
	private record Mark(UUID identifier, Instant completedAt) {

		boolean done() {
			return this.completedAt != null;
		}

		void writeTo(EventPublicationRepository table) {
			if (done()) {
				table.markCompleted(this.identifier, this.completedAt);
			}
			else {
				table.markProcessing(this.identifier);
			}
		}

	}

}
