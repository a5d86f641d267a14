package org.example.restaurant.platform.idempotency;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.example.restaurant.platform.test.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rules of {@link IdempotentRequests} on the real database, with work that the test
 * controls: when it runs, how long it takes, whether it fails, and what it changes (a row
 * in a scratch table, to see whether the work's transaction committed).
 */
@SpringBootTest(classes = IdempotentRequestsTests.Service.class, properties = { "restaurant.idempotency.enabled=true",
		"spring.datasource.url=jdbc:h2:mem:platform-idempotency;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=1000" })
class IdempotentRequestsTests {

	static final String SCOPE = "POST /test/things";

	static final Fingerprint THING = Fingerprint.of("thing", 1);

	@Autowired
	IdempotentRequests requests;

	@Autowired
	ExpiredIdempotencyKeys expiredKeys;

	@Autowired
	IdempotencyRecords records;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	ExecutorService threads = Executors.newCachedThreadPool();

	AtomicInteger runs = new AtomicInteger();

	List<UUID> created = new CopyOnWriteArrayList<>();

	@BeforeEach
	void scratchTable() {
		this.jdbc.execute("create table if not exists test_thing (id uuid primary key)");
	}

	@AfterEach
	void cleanUp() throws InterruptedException {
		this.clock.reset();
		this.threads.shutdownNow();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void runsTheWorkOnceAndReplaysItsResponse() {
		String key = newKey();

		ResponseEntity<?> first = this.requests.execute(key, SCOPE, THING, this::createThing);
		ResponseEntity<?> repeat = this.requests.execute(key, SCOPE, THING, this::createThing);

		assertThat(this.runs).hasValue(1);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER)).isFalse();
		assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(repeat.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(repeat.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(repeat.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		Map<?, ?> body = (Map<?, ?>) first.getBody();
		assertThat(repeat.getBody()).isEqualTo("{\"id\":\"" + body.get("id") + "\"}");
	}

	@Test
	void scopesAKeyToItsOperation() {
		String key = newKey();

		this.requests.execute(key, SCOPE, THING, this::createThing);
		ResponseEntity<?> elsewhere = this.requests.execute(key, "POST /test/other-things", THING, this::createThing);

		assertThat(this.runs).hasValue(2);
		assertThat(elsewhere.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER)).isFalse();
	}

	@Test
	void refusesTheKeyWithAnotherFingerprint() {
		String key = newKey();
		this.requests.execute(key, SCOPE, THING, this::createThing);

		assertThatExceptionOfType(IdempotencyKeyReused.class)
			.isThrownBy(() -> this.requests.execute(key, SCOPE, Fingerprint.of("thing", 2), this::createThing))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(422));
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void waitsForTheFirstRequestWithItsKeyAndReplaysItsResponse() throws Exception {
		String key = newKey();
		CountDownLatch finish = new CountDownLatch(1);
		Race race = startFirstAndARepeatWaitingForIt(key, finish, false);

		finish.countDown();

		assertThat(race.first().get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<?> replayed = race.repeat().get(10, TimeUnit.SECONDS);
		assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(replayed.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(this.runs).hasValue(1);
		assertThat(things()).isEqualTo(1);
	}

	@Test
	void runsADuplicateAsTheFirstWhenTheFirstFailsWhileItWaits() throws Exception {
		String key = newKey();
		CountDownLatch fail = new CountDownLatch(1);
		Race race = startFirstAndARepeatWaitingForIt(key, fail, true);

		fail.countDown();

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> race.first().get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
		ResponseEntity<?> ran = race.repeat().get(10, TimeUnit.SECONDS);
		assertThat(ran.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(ran.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER)).isFalse();
		assertThat(this.runs).hasValue(2);
		assertThat(things()).as("the first one's work rolled back, the duplicate's committed").isEqualTo(1);
	}

	@Test
	void answersConflictToADuplicateThatArrivesWhileTheFirstIsInFlight() throws Exception {
		String key = newKey();
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<?>> first = startFirst(key, finish, false);

		assertThatExceptionOfType(IdempotencyKeyInFlight.class)
			.isThrownBy(() -> this.requests.execute(key, SCOPE, THING, this::createThing))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(409));

		finish.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.requests.execute(key, SCOPE, THING, this::createThing)
			.getHeaders()
			.getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void runsTheWorkOnceWhenEightRequestsWithOneKeyArriveAtOnce() {
		String key = newKey();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<String>> outcomes = IntStream.range(0, 8)
			.mapToObj((n) -> CompletableFuture.supplyAsync(() -> {
				awaitQuietly(go);
				try {
					ResponseEntity<?> response = this.requests.execute(key, SCOPE, THING, this::createThing);
					return response.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER) ? "replayed"
							: "ran";
				}
				catch (IdempotencyKeyInFlight ex) {
					return "in flight";
				}
			}, this.threads))
			.toList();

		go.countDown();

		List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
		assertThat(results).containsOnlyOnce("ran").hasSize(8);
		assertThat(this.runs).hasValue(1);
		assertThat(things()).isEqualTo(1);
	}

	@Test
	void releasesTheKeyWhenTheWorkFailsSoTheClientMayRetry() {
		String key = newKey();

		assertThatIllegalStateException().isThrownBy(() -> this.requests.execute(key, SCOPE, THING, () -> {
			createThing();
			throw new IllegalStateException("the till jammed");
		}));

		assertThat(this.records.find(IdempotencyKey.parse(key), SCOPE)).isEmpty();
		assertThat(things()).as("the failed work's changes rolled back").isZero();
		ResponseEntity<?> retried = this.requests.execute(key, SCOPE, THING, this::createThing);
		assertThat(retried.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER)).isFalse();
		assertThat(things()).isEqualTo(1);
	}

	@Test
	void releasesTheKeyAndRollsBackWhenTheWorkAnswersAnError() {
		String key = newKey();

		ResponseEntity<?> refused = this.requests.execute(key, SCOPE, THING, () -> {
			createThing();
			return ResponseEntity.unprocessableContent().build();
		});

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(this.records.find(IdempotencyKey.parse(key), SCOPE)).isEmpty();
		assertThat(things()).isZero();
	}

	@Test
	void keepsTheKeyOfAFirstRequestThatIsSlowHoweverLongItTakes() throws Exception {
		String key = newKey();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.clock.setTo(start);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<?>> slow = startFirst(key, finish, false);

		this.clock.setTo(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
		assertThatExceptionOfType(IdempotencyKeyInFlight.class)
			.isThrownBy(() -> this.requests.execute(key, SCOPE, THING, this::createThing));

		finish.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(things()).as("the slow request committed its work, the duplicate did nothing").isEqualTo(1);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void takesOverAClaimAnEarlierVersionLeftInFlightOnceItIsAbandoned() {
		String key = newKey();
		Instant start = claimLeftInFlightByAnEarlierVersion(key);

		this.clock.setTo(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
		ResponseEntity<?> takenOver = this.requests.execute(key, SCOPE, THING, this::createThing);

		assertThat(takenOver.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(takenOver.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER)).isFalse();
		assertThat(this.records.find(IdempotencyKey.parse(key), SCOPE)).get()
			.extracting(IdempotencyRecords.Stored::state)
			.isEqualTo(IdempotencyRecords.State.COMPLETED);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void leavesAKeyInFlightAloneUntilItIsAbandoned() {
		String key = newKey();
		Instant start = claimLeftInFlightByAnEarlierVersion(key);

		this.clock.setTo(start.plus(Duration.ofSeconds(59)));
		assertThatExceptionOfType(IdempotencyKeyInFlight.class)
			.isThrownBy(() -> this.requests.execute(key, SCOPE, THING, this::createThing));
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void deletesKeysOnlyOnceTheyAreOlderThanTheRetention() {
		String kept = newKey();
		String expired = newKey();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.clock.setTo(start.minus(Duration.ofHours(24)).minusSeconds(1));
		this.requests.execute(expired, SCOPE, THING, this::createThing);
		this.clock.setTo(start.minus(Duration.ofHours(23)));
		this.requests.execute(kept, SCOPE, THING, this::createThing);
		this.clock.setTo(start);

		this.expiredKeys.purge();

		assertThat(this.records.find(IdempotencyKey.parse(kept), SCOPE)).isPresent();
		assertThat(this.records.find(IdempotencyKey.parse(expired), SCOPE)).isEmpty();
		ResponseEntity<?> afterExpiry = this.requests.execute(expired, SCOPE, THING, this::createThing);
		assertThat(afterExpiry.getHeaders().containsHeader(IdempotentRequests.REPLAYED_HEADER))
			.as("an expired key is a new key")
			.isFalse();
	}

	@Test
	void runsTheWorkAsItIsWithoutAKey() {
		this.requests.execute(null, SCOPE, THING, this::createThing);
		this.requests.execute(null, SCOPE, THING, this::createThing);

		assertThat(this.runs).hasValue(2);
	}

	private ResponseEntity<?> createThing() {
		this.runs.incrementAndGet();
		UUID id = UUID.randomUUID();
		this.created.add(id);
		this.jdbc.update("insert into test_thing (id) values (?)", id);
		return ResponseEntity.created(URI.create("/test/things/" + id)).body(Map.of("id", id.toString()));
	}

	/** How many of the things this test's work created are stored (committed). */
	private int things() {
		return this.created.stream()
			.mapToInt(
					(id) -> this.jdbc.queryForObject("select count(*) from test_thing where id = ?", Integer.class, id))
			.sum();
	}

	/**
	 * Starts the first request with the key, on a thread of its own: its work creates a
	 * thing, holds its transaction open until {@code release}, and then answers, or, if
	 * it {@code fails}, throws.
	 * @return the first request, its work under way
	 */
	private CompletableFuture<ResponseEntity<?>> startFirst(String key, CountDownLatch release, boolean fails)
			throws InterruptedException {
		CountDownLatch working = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<?>> first = CompletableFuture
			.supplyAsync(() -> this.requests.execute(key, SCOPE, THING, () -> {
				ResponseEntity<?> created = createThing();
				working.countDown();
				awaitQuietly(release);
				if (fails) {
					throw new IllegalStateException("the till jammed");
				}
				return created;
			}), this.threads);
		assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
		return first;
	}

	/**
	 * A claim of the key committed {@code IN_FLIGHT} now, as versions before the claim
	 * joined the work's transaction left one when their process died.
	 * @return when it was made (the test clock's time)
	 */
	private Instant claimLeftInFlightByAnEarlierVersion(String key) {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.clock.setTo(start);
		this.records.insertInFlight(IdempotencyKey.parse(key), SCOPE, UUID.randomUUID(), THING, start,
				start.plus(Duration.ofHours(24)));
		return start;
	}

	/**
	 * Starts the first request with the key ({@link #startFirst}), then a repeat of it on
	 * a thread of its own, and returns once the repeat's claim waits for the first's.
	 */
	private Race startFirstAndARepeatWaitingForIt(String key, CountDownLatch release, boolean fails)
			throws InterruptedException {
		CompletableFuture<ResponseEntity<?>> first = startFirst(key, release, fails);
		CompletableFuture<ResponseEntity<?>> repeat = CompletableFuture
			.supplyAsync(() -> this.requests.execute(key, SCOPE, THING, this::createThing), this.threads);
		awaitAClaimWaiting();
		return new Race(first, repeat);
	}

	/**
	 * Polls H2's sessions until one is inside a claim's insert: a claim waiting for the
	 * transaction of the first request with its key (the first's insert is done).
	 */
	private void awaitAClaimWaiting() {
		Awaitility.await("a claim waiting for the first request's")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from information_schema.sessions where lower(executing_statement) like ?",
					Integer.class, "%insert into idempotency_record%") > 0);
	}

	record Race(CompletableFuture<ResponseEntity<?>> first, CompletableFuture<ResponseEntity<?>> repeat) {
	}

	private static String newKey() {
		return "test-" + UUID.randomUUID();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A service with nothing but the platform, a database and a clock the test sets. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

	}

}
