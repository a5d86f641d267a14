package org.example.restaurant.platform.outbox;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The marks of the deliveries written in groups, on a table made up here that records
 * what is written to it and in which transaction.
 */
class BatchedMarksTests {

	private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

	private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	private final UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	/** What the table was asked, as "transaction: method id". */
	private final List<String> written = new CopyOnWriteArrayList<>();

	private final AtomicInteger transaction = new AtomicInteger();

	/** The transaction the current thread is in, 0 for none. */
	private final ThreadLocal<Integer> inTransaction = ThreadLocal.withInitial(() -> 0);

	private volatile Consumer<Integer> onEachTransaction = (number) -> {
	};

	private final BatchedMarks marks = new BatchedMarks(table(), () -> new TransactionOperations() {

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			int number = BatchedMarksTests.this.transaction.incrementAndGet();
			BatchedMarksTests.this.inTransaction.set(number);
			try {
				BatchedMarksTests.this.onEachTransaction.accept(number);
				TransactionStatus status = new SimpleTransactionStatus();
				return action.doInTransaction(status);
			}
			finally {
				BatchedMarksTests.this.inTransaction.set(0);
			}
		}

	});

	@AfterEach
	void close() {
		this.marks.close();
	}

	@Test
	void marksMadeWhileAGroupIsWrittenAreWrittenTogetherInTheNextTransaction() throws InterruptedException {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.onEachTransaction = (number) -> {
			if (number == 1) {
				firstStarted.countDown();
				awaitQuietly(release);
			}
		};

		this.marks.markProcessing(this.a);
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		this.marks.markCompleted(this.a, NOON);
		this.marks.markProcessing(this.b);
		this.marks.markCompleted(this.b, NOON);
		this.marks.markProcessing(this.c);
		release.countDown();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.written.size() == 4);
		// b is done within its group, so it is not marked under way first
		assertThat(this.written).containsExactly("1: markProcessing " + this.a, "2: markCompleted " + this.a,
				"2: markCompleted " + this.b, "2: markProcessing " + this.c);
	}

	@Test
	void aFailureIsWrittenAfterTheMarksMadeBeforeIt() {
		this.marks.markProcessing(this.a);
		this.marks.markFailed(this.a);

		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(0)).endsWith("markProcessing " + this.a);
		assertThat(this.written.get(1)).isEqualTo("0: markFailed " + this.a);
	}

	@Test
	void aReadSeesTheMarksMadeBeforeIt() {
		this.marks.markCompleted(this.a, NOON);

		this.marks.findIncompletePublications();

		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(0)).endsWith("markCompleted " + this.a);
		assertThat(this.written.get(1)).isEqualTo("0: findIncompletePublications");
	}

	@Test
	void aGroupThatFailsLeavesItsMarksUnwrittenAndTheNextGroupsAreWritten() {
		this.onEachTransaction = (number) -> {
			if (number == 1) {
				throw new IllegalStateException("database closed");
			}
		};

		this.marks.markCompleted(this.a, NOON);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transaction.get() == 1);
		this.marks.markCompleted(this.b, NOON);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.written.size() == 1);
		assertThat(this.written).containsExactly("2: markCompleted " + this.b);
	}

	@Test
	void closedItWritesWhatIsQueuedAndThenEachMarkAtOnce() {
		this.marks.markProcessing(this.a);
		this.marks.close();
		assertThat(this.written).hasSize(1);

		this.marks.markCompleted(this.a, NOON);

		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(1)).isEqualTo("0: markCompleted " + this.a);
	}

	@Test
	void theMessagesOwnRowIsWrittenAtOnceWithoutWaitingForTheMarks() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.onEachTransaction = (number) -> {
			started.countDown();
			awaitQuietly(release);
		};
		this.marks.markProcessing(this.a);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		this.marks.create(null);

		assertThat(this.written).containsExactly("0: create");
		release.countDown();
	}

	private EventPublicationRepository table() {
		return (EventPublicationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { EventPublicationRepository.class }, (proxy, method, args) -> {
					String id = (args != null && args.length > 0 && args[0] instanceof UUID uuid) ? " " + uuid : "";
					this.written.add(this.inTransaction.get() + ": " + method.getName() + id);
					if (method.getReturnType() == Optional.class) {
						return Optional.empty();
					}
					if (method.getReturnType() == List.class) {
						return List.of();
					}
					if (method.getReturnType() == boolean.class) {
						return false;
					}
					if (method.getReturnType() == int.class) {
						return 0;
					}
					return null;
				});
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
