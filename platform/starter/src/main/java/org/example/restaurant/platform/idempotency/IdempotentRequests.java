package org.example.restaurant.platform.idempotency;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an unsafe request at most once per {@code Idempotency-Key}, after the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header).
 * <ol>
 * <li>Without the header, the request simply runs.</li>
 * <li>With it, the key is claimed first, in a transaction of its own: a record
 * {@code (key, scope)} is inserted {@code IN_FLIGHT} with the request's
 * {@link Fingerprint}, and committed before any work starts. The primary key lets only
 * one of two requests with the same key through, even at the same moment.</li>
 * <li>The winner runs the work in a transaction, and stores the response (status,
 * {@code Location}, {@code Content-Type}, body) as {@code COMPLETED} <em>in that same
 * transaction</em>: the work's effects and the stored response commit together or not at
 * all. If the work fails (an exception, or a response that is not 2xx), nothing is stored
 * and the claim is deleted, so the client may retry with the same key, as the draft
 * allows; only successes are replayed.</li>
 * <li>A loser finds the record. {@code COMPLETED} with the same fingerprint: the stored
 * response is replayed, with {@code Idempotent-Replayed: true}, and nothing runs again.
 * {@code COMPLETED} with another fingerprint: 422 ({@link IdempotencyKeyReused}).
 * {@code IN_FLIGHT}: 409 ({@link IdempotencyKeyInFlight}); the client retries later.</li>
 * <li>A claim still in flight after {@link IdempotencySettings#abandonedAfter()} belongs
 * to a request whose process died: since its work commits only with its stored response,
 * that work did not happen, and the next request with the key takes the claim over.
 * Should the old request still be alive after all, its final update no longer finds its
 * claim, and it rolls its work back rather than commit it twice.</li>
 * <li>Keys are kept for {@link IdempotencySettings#retention()} (24 hours by default)
 * from the first request; {@link ExpiredIdempotencyKeys} deletes older ones.</li>
 * </ol>
 * A key is scoped: the same key on two different operations is two different keys. The
 * scope names the operation (for instance {@code POST /api/bills/{id}/payments}); what
 * differs between two requests of one operation (the path's ids, the body's fields)
 * belongs in the fingerprint.
 */
public class IdempotentRequests {

	/** The request header. */
	public static final String HEADER = "Idempotency-Key";

	/** The response header that marks a replayed response. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	private static final int CLAIM_ATTEMPTS = 3;

	private final IdempotencyRecords records;

	private final IdempotencySettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate workTransaction;

	IdempotentRequests(IdempotencyRecords records, IdempotencySettings settings, JsonMapper json, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.records = records;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.workTransaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs the work once per key, or answers as the first request with the key was
	 * answered.
	 * @param header the {@code Idempotency-Key} header, {@code null} if absent
	 * @param scope the operation, such as {@code POST /api/bills/{id}/payments}
	 * @param fingerprint what identifies the request within the scope
	 * @param work the request's work; it joins the transaction this method starts
	 * @return the work's response, or the first response replayed
	 * @throws InvalidIdempotencyKey if the header is malformed (400)
	 * @throws IdempotencyKeyInFlight if the key's first request is still running (409)
	 * @throws IdempotencyKeyReused if the key was used for a different request (422)
	 */
	public ResponseEntity<?> execute(String header, String scope, Fingerprint fingerprint,
			Supplier<? extends ResponseEntity<?>> work) {
		if (header == null) {
			return work.get();
		}
		IdempotencyKey key = IdempotencyKey.parse(header);
		for (int attempt = 1;; attempt++) {
			Instant now = now();
			UUID claimId = UUID.randomUUID();
			if (claim(key, scope, claimId, fingerprint, now)) {
				return runClaimed(key, scope, claimId, work);
			}
			Optional<IdempotencyRecords.Stored> found = this.records.find(key, scope);
			if (found.isPresent()) {
				IdempotencyRecords.Stored record = found.get();
				if (record.state() == IdempotencyRecords.State.COMPLETED) {
					return replay(key, scope, fingerprint, record);
				}
				if (!isAbandoned(record, now) || !takeOver(key, scope, record)) {
					throw new IdempotencyKeyInFlight(key);
				}
			}
			// the claim in the way was released or taken over meanwhile: claim again
			if (attempt == CLAIM_ATTEMPTS) {
				throw new IdempotencyKeyInFlight(key);
			}
		}
	}

	private boolean claim(IdempotencyKey key, String scope, UUID claimId, Fingerprint fingerprint, Instant now) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.records.insertInFlight(key, scope, claimId,
					fingerprint, now, now.plus(this.settings.retention())));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private ResponseEntity<?> runClaimed(IdempotencyKey key, String scope, UUID claimId,
			Supplier<? extends ResponseEntity<?>> work) {
		ResponseEntity<?> response;
		try {
			response = this.workTransaction.execute((status) -> {
				ResponseEntity<?> result = work.get();
				if (!result.getStatusCode().is2xxSuccessful()) {
					status.setRollbackOnly();
				}
				else if (!this.records.complete(key, scope, claimId, stored(result))) {
					// another request took the claim over: committing would do the work
					// twice
					throw new IdempotencyKeyInFlight(key);
				}
				return result;
			});
		}
		catch (RuntimeException | Error ex) {
			release(key, scope, claimId);
			throw ex;
		}
		if (!response.getStatusCode().is2xxSuccessful()) {
			release(key, scope, claimId);
		}
		return response;
	}

	private void release(IdempotencyKey key, String scope, UUID claimId) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.records.deleteInFlight(key, scope, claimId));
		}
		catch (RuntimeException ex) {
			// the client gets the work's own error; the claim will be taken over once
			// abandoned
			log.warn("Could not release {} '{}' for {}: {}", HEADER, key.value(), scope, ex.toString());
		}
	}

	private boolean isAbandoned(IdempotencyRecords.Stored record, Instant now) {
		return record.createdAt().plus(this.settings.abandonedAfter()).isBefore(now);
	}

	private boolean takeOver(IdempotencyKey key, String scope, IdempotencyRecords.Stored record) {
		try {
			boolean taken = Boolean.TRUE.equals(
					this.ownTransaction.execute((status) -> this.records.deleteInFlight(key, scope, record.claimId())));
			if (taken) {
				log.warn("Took over {} '{}' for {}: its first request was in flight since {} and is taken as lost",
						HEADER, key.value(), scope, record.createdAt());
			}
			return taken;
		}
		catch (RuntimeException ex) {
			// the first request holds its record (it is completing): still in flight
			return false;
		}
	}

	private ResponseEntity<?> replay(IdempotencyKey key, String scope, Fingerprint fingerprint,
			IdempotencyRecords.Stored record) {
		if (!record.fingerprint().equals(fingerprint)) {
			throw new IdempotencyKeyReused(key);
		}
		IdempotencyRecords.Response response = record.response();
		log.info("Replayed the response to {} '{}' for {} (first request at {})", HEADER, key.value(), scope,
				record.createdAt());
		HttpHeaders headers = new HttpHeaders();
		if (response.location() != null) {
			headers.setLocation(URI.create(response.location()));
		}
		if (response.contentType() != null) {
			headers.setContentType(MediaType.parseMediaType(response.contentType()));
		}
		headers.set(REPLAYED_HEADER, "true");
		return ResponseEntity.status(response.status()).headers(headers).body(response.body());
	}

	private IdempotencyRecords.Response stored(ResponseEntity<?> result) {
		Object body = result.getBody();
		URI location = result.getHeaders().getLocation();
		MediaType contentType = result.getHeaders().getContentType();
		if (body != null && contentType == null) {
			contentType = MediaType.APPLICATION_JSON;
		}
		String text = (body == null || body instanceof String) ? (String) body : this.json.writeValueAsString(body);
		return new IdempotencyRecords.Response(result.getStatusCode().value(),
				(location != null) ? location.toString() : null, (contentType != null) ? contentType.toString() : null,
				text);
	}

	private Instant now() {
		// the database keeps microseconds
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
