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
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
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
 * <li>With it, the request claims the key first, in the transaction that then runs the
 * work: a record {@code (key, scope)} is inserted {@code IN_FLIGHT} with the request's
 * {@link Fingerprint}. The primary key lets only one of two requests with the same key
 * through, even at the same moment.</li>
 * <li>The winner runs the work in that transaction, and stores the response (status,
 * {@code Location}, {@code Content-Type}, body) as {@code COMPLETED}: the claim, the
 * work's effects and the stored response commit together, in one commit, or not at all.
 * If the work fails (an exception, or a response that is not 2xx), the transaction rolls
 * back, claim included, so the client may retry with the same key, as the draft allows;
 * only successes are replayed. A process that dies with a request in flight leaves no
 * claim behind: its transaction dies with it.</li>
 * <li>A request with a key whose first request is still running waits for it in its own
 * claim, which the database holds until the first one's transaction ends, at most its
 * lock timeout (H2's {@code LOCK_TIMEOUT}, 2 s by default; PostgreSQL's
 * {@code lock_timeout}, none by default, so there as long as the first one's transaction,
 * which does the request's own work only): then the first one's stored response is
 * replayed, with {@code Idempotent-Replayed: true}, and nothing runs again (with another
 * fingerprint: 422, {@link IdempotencyKeyReused}); or, if the first one rolled back, the
 * request runs as if it were the first; or, if the first is still running after the lock
 * timeout, 409 ({@link IdempotencyKeyInFlight}) and the client retries later.</li>
 * <li>Versions before this one claimed the key in a transaction of their own, committed
 * before the work: a claim they left {@code IN_FLIGHT} is 409 until
 * {@link IdempotencySettings#abandonedAfter()}, and is then taken over. Should its
 * request still be alive after all, its final update no longer finds its claim, and it
 * rolls its work back rather than commit it twice.</li>
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
			try {
				return runClaimed(key, scope, UUID.randomUUID(), fingerprint, now, work);
			}
			catch (KeyTaken ex) {
				// the key's record is committed: look it up below
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
			// the record in the way was taken over or purged meanwhile: claim again
			if (attempt == CLAIM_ATTEMPTS) {
				throw new IdempotencyKeyInFlight(key);
			}
		}
	}

	private ResponseEntity<?> runClaimed(IdempotencyKey key, String scope, UUID claimId, Fingerprint fingerprint,
			Instant now, Supplier<? extends ResponseEntity<?>> work) {
		return this.workTransaction.execute((status) -> {
			claim(key, scope, claimId, fingerprint, now);
			ResponseEntity<?> result = work.get();
			if (!result.getStatusCode().is2xxSuccessful()) {
				status.setRollbackOnly();
			}
			else if (!this.records.complete(key, scope, claimId, stored(result))) {
				// the claim is this transaction's own: it cannot have been taken over
				throw new IllegalStateException("Lost the claim of " + HEADER + " '" + key.value() + "' for " + scope);
			}
			return result;
		});
	}

	private void claim(IdempotencyKey key, String scope, UUID claimId, Fingerprint fingerprint, Instant now) {
		try {
			this.records.insertInFlight(key, scope, claimId, fingerprint, now, now.plus(this.settings.retention()));
		}
		catch (DuplicateKeyException ex) {
			throw new KeyTaken();
		}
		catch (QueryTimeoutException | PessimisticLockingFailureException ex) {
			// the key's first request still runs after the database's lock timeout
			throw new IdempotencyKeyInFlight(key);
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

	/**
	 * The key's record is committed: rolls back the transaction of the claim, which has
	 * done nothing yet.
	 */
	private static final class KeyTaken extends RuntimeException {

		KeyTaken() {
			super(null, null, false, false);
		}

	}

	private Instant now() {
		// the database keeps microseconds
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
