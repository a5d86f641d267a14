package org.example.restaurant.platform.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the keys kept longer than {@link IdempotencySettings#retention()}, every
 * {@code restaurant.idempotency.purge-interval} (an hour by default). A key lives at
 * least its retention, and at most its retention plus one interval.
 *
 * @param records the kept keys
 * @param clock tells which keys have expired
 * @param transaction the purge's own transaction
 */
record ExpiredIdempotencyKeys(IdempotencyRecords records, Clock clock, TransactionTemplate transaction) {

	private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

	@Scheduled(initialDelayString = "${restaurant.idempotency.purge-interval:1h}",
			fixedDelayString = "${restaurant.idempotency.purge-interval:1h}")
	void purge() {
		int deleted = this.transaction.execute((status) -> this.records.deleteExpired(this.clock.instant()));
		if (deleted > 0) {
			log.info("Deleted {} expired idempotency keys", deleted);
		}
	}

}
