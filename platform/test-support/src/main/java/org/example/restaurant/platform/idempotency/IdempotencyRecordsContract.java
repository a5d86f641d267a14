package org.example.restaurant.platform.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.example.restaurant.platform.idempotency.IdempotencyRecords.Response;
import org.example.restaurant.platform.idempotency.IdempotencyRecords.State;
import org.example.restaurant.platform.idempotency.IdempotencyRecords.Stored;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.example.restaurant.platform.time.ClockAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of the platform's idempotency table, for a service to run against its own
 * database: the plain SQL of {@link IdempotencyRecords} on the schema the platform's
 * migration builds beside the service's own (keys, claims, responses and times as the
 * database keeps them). A service extends it in a class of its own (add the platform's
 * {@code OnPostgres} to a second subclass for PostgreSQL); each test rolls back.
 */
@JdbcTest
@ImportAutoConfiguration({ ClockAutoConfiguration.class, JacksonAutoConfiguration.class,
		IdempotencyAutoConfiguration.class })
@TestPropertySource(properties = "restaurant.idempotency.enabled=true")
public abstract class IdempotencyRecordsContract {

	static final String SCOPE = "POST /test/things";

	static final Instant CREATED = Instant.parse("2026-11-25T19:00:00.123456Z");

	static final Instant EXPIRES = CREATED.plusSeconds(86_400);

	static final Fingerprint FINGERPRINT = Fingerprint.of("thing", 1);

	@Autowired
	private IdempotencyRecords records;

	@Test
	public void keepsAnInFlightClaimWithItsFingerprintAndTimesToTheMicrosecond() {
		IdempotencyKey key = newKey();
		UUID claim = UUID.randomUUID();

		this.records.insertInFlight(key, SCOPE, claim, FINGERPRINT, CREATED, EXPIRES);

		Stored stored = this.records.find(key, SCOPE).orElseThrow();
		assertThat(stored.claimId()).isEqualTo(claim);
		assertThat(stored.fingerprint()).isEqualTo(FINGERPRINT);
		assertThat(stored.state()).isEqualTo(State.IN_FLIGHT);
		assertThat(stored.response()).isNull();
		assertThat(stored.createdAt()).isEqualTo(CREATED);
		assertThat(stored.expiresAt()).isEqualTo(EXPIRES);
		assertThat(this.records.find(key, "POST /test/other-things")).isEmpty();
	}

	@Test
	public void refusesASecondClaimOfAKeyInTheSameScopeOnly() {
		IdempotencyKey key = newKey();
		this.records.insertInFlight(key, SCOPE, UUID.randomUUID(), FINGERPRINT, CREATED, EXPIRES);
		this.records.insertInFlight(key, "POST /test/other-things", UUID.randomUUID(), FINGERPRINT, CREATED, EXPIRES);

		// Last: on PostgreSQL a failed statement ends what its transaction can do.
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.records.insertInFlight(key, SCOPE,
				UUID.randomUUID(), Fingerprint.of("thing", 2), CREATED, EXPIRES));
	}

	@Test
	public void storesTheResponseOfTheClaimThatIsStillInFlightOnly() {
		IdempotencyKey key = newKey();
		UUID claim = UUID.randomUUID();
		this.records.insertInFlight(key, SCOPE, claim, FINGERPRINT, CREATED, EXPIRES);
		String body = "{\"id\":\"" + "x".repeat(20_000) + "\"}";
		Response response = new Response(201, "/test/things/1", "application/json", body);

		assertThat(this.records.complete(key, SCOPE, UUID.randomUUID(), response)).isFalse();
		assertThat(this.records.complete(key, SCOPE, claim, response)).isTrue();
		assertThat(this.records.complete(key, SCOPE, claim, new Response(500, null, null, null))).isFalse();

		Stored stored = this.records.find(key, SCOPE).orElseThrow();
		assertThat(stored.state()).isEqualTo(State.COMPLETED);
		assertThat(stored.response()).isEqualTo(response);
	}

	@Test
	public void keepsAResponseWithoutLocationContentTypeOrBody() {
		IdempotencyKey key = newKey();
		UUID claim = UUID.randomUUID();
		this.records.insertInFlight(key, SCOPE, claim, FINGERPRINT, CREATED, EXPIRES);

		this.records.complete(key, SCOPE, claim, new Response(204, null, null, null));

		assertThat(this.records.find(key, SCOPE)).map(Stored::response).contains(new Response(204, null, null, null));
	}

	@Test
	public void deletesAnInFlightClaimOnlyForItsOwner() {
		IdempotencyKey inFlight = newKey();
		IdempotencyKey completed = newKey();
		UUID claim = UUID.randomUUID();
		this.records.insertInFlight(inFlight, SCOPE, claim, FINGERPRINT, CREATED, EXPIRES);
		this.records.insertInFlight(completed, SCOPE, claim, FINGERPRINT, CREATED, EXPIRES);
		this.records.complete(completed, SCOPE, claim, new Response(201, null, null, "{}"));

		assertThat(this.records.deleteInFlight(inFlight, SCOPE, UUID.randomUUID())).isFalse();
		assertThat(this.records.deleteInFlight(completed, SCOPE, claim)).isFalse();
		assertThat(this.records.deleteInFlight(inFlight, SCOPE, claim)).isTrue();

		assertThat(this.records.find(inFlight, SCOPE)).isEmpty();
		assertThat(this.records.find(completed, SCOPE)).isPresent();
	}

	@Test
	public void deletesTheRecordsThatExpiredBeforeAMoment() {
		IdempotencyKey expired = newKey();
		IdempotencyKey expiring = newKey();
		this.records.insertInFlight(expired, SCOPE, UUID.randomUUID(), FINGERPRINT, CREATED, EXPIRES.minusNanos(1000));
		this.records.insertInFlight(expiring, SCOPE, UUID.randomUUID(), FINGERPRINT, CREATED, EXPIRES);

		int deleted = this.records.deleteExpired(EXPIRES);

		assertThat(deleted).isEqualTo(1);
		assertThat(this.records.find(expired, SCOPE)).isEmpty();
		assertThat(this.records.find(expiring, SCOPE)).map(Stored::state).isEqualTo(Optional.of(State.IN_FLIGHT));
	}

	private static IdempotencyKey newKey() {
		return new IdempotencyKey(UUID.randomUUID().toString());
	}

}
