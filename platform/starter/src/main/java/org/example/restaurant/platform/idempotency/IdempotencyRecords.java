package org.example.restaurant.platform.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code idempotency_record} table, in plain SQL that runs on H2 and PostgreSQL.
 * Times are bound as {@link OffsetDateTime} in UTC, which both drivers take for
 * {@code timestamp with time zone}. Every change is conditional on the claim id, so a
 * request whose claim was taken over can no longer touch the record of the request that
 * took it.
 */
class IdempotencyRecords {

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts an {@link State#IN_FLIGHT} record; the primary key refuses a second one for
	 * the same key and scope. While another transaction holds an uncommitted record of
	 * the key, the insert waits for it, H2 and PostgreSQL alike, as long as the
	 * database's lock timeout: it then fails with a duplicate key if that transaction
	 * committed, and goes through if it rolled back.
	 * @throws org.springframework.dao.DuplicateKeyException if the key is taken
	 * @throws org.springframework.dao.PessimisticLockingFailureException or
	 * {@link org.springframework.dao.QueryTimeoutException} if the other transaction did
	 * not end within the database's lock timeout (H2's {@code LOCK_TIMEOUT}, 2 s by
	 * default; PostgreSQL's {@code lock_timeout}, none by default)
	 */
	void insertInFlight(IdempotencyKey key, String scope, UUID claimId, Fingerprint fingerprint, Instant createdAt,
			Instant expiresAt) {
		this.jdbc.sql("""
				insert into idempotency_record
				  (idempotency_key, scope, claim_id, fingerprint, state, created_at, expires_at)
				values (:key, :scope, :claimId, :fingerprint, :state, :createdAt, :expiresAt)
				""")
			.param("key", key.value())
			.param("scope", scope)
			.param("claimId", claimId)
			.param("fingerprint", fingerprint.sha256())
			.param("state", State.IN_FLIGHT.name())
			.param("createdAt", utc(createdAt))
			.param("expiresAt", utc(expiresAt))
			.update();
	}

	Optional<Stored> find(IdempotencyKey key, String scope) {
		return this.jdbc.sql("""
				select claim_id, fingerprint, state, response_status, response_location, response_content_type,
				       response_body, created_at, expires_at
				from idempotency_record where idempotency_key = :key and scope = :scope
				""").param("key", key.value()).param("scope", scope).query(IdempotencyRecords::stored).optional();
	}

	/**
	 * Stores the response of a claimed request.
	 * @return {@code false} if the claim is no longer this request's (taken over)
	 */
	boolean complete(IdempotencyKey key, String scope, UUID claimId, Response response) {
		return this.jdbc.sql("""
				update idempotency_record
				set state = :completed, response_status = :status, response_location = :location,
				    response_content_type = :contentType, response_body = :body
				where idempotency_key = :key and scope = :scope and claim_id = :claimId and state = :inFlight
				""")
			.param("completed", State.COMPLETED.name())
			.param("status", response.status())
			.param("location", response.location())
			.param("contentType", response.contentType())
			.param("body", response.body())
			.param("key", key.value())
			.param("scope", scope)
			.param("claimId", claimId)
			.param("inFlight", State.IN_FLIGHT.name())
			.update() == 1;
	}

	/**
	 * Deletes an in-flight claim: its request failed, or it was abandoned.
	 * @return {@code true} if this call deleted it
	 */
	boolean deleteInFlight(IdempotencyKey key, String scope, UUID claimId) {
		return this.jdbc.sql("""
				delete from idempotency_record
				where idempotency_key = :key and scope = :scope and claim_id = :claimId and state = :inFlight
				""")
			.param("key", key.value())
			.param("scope", scope)
			.param("claimId", claimId)
			.param("inFlight", State.IN_FLIGHT.name())
			.update() == 1;
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from idempotency_record where expires_at < :now").param("now", utc(now)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Stored stored(ResultSet row, int rowNum) throws SQLException {
		int status = row.getInt("response_status");
		Response response = row.wasNull() ? null : new Response(status, row.getString("response_location"),
				row.getString("response_content_type"), row.getString("response_body"));
		return new Stored(row.getObject("claim_id", UUID.class), new Fingerprint(row.getString("fingerprint")),
				State.valueOf(row.getString("state")), response,
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("expires_at", OffsetDateTime.class).toInstant());
	}

	/** Where a key's first request is. */
	enum State {

		/** Its first request is being processed. */
		IN_FLIGHT,

		/** Its first request succeeded; the response is stored. */
		COMPLETED

	}

	/**
	 * A stored record.
	 *
	 * @param response the response to replay, {@code null} while in flight
	 */
	record Stored(UUID claimId, Fingerprint fingerprint, State state, Response response, Instant createdAt,
			Instant expiresAt) {
	}

	/**
	 * A response as replayed: status, {@code Location}, {@code Content-Type} and body
	 * (each but the status may be {@code null}).
	 */
	record Response(int status, String location, String contentType, String body) {
	}

}
