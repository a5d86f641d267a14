package org.example.restaurant.orders.idempotency;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys kept longer than {@link IdempotencySettings#retention()}, every
 * {@code restaurant.idempotency.purge-interval} (an hour by default). A key lives at
 * least its retention, and at most its retention plus one interval.
 */
@Component
@EnableConfigurationProperties(IdempotencySettings.class)
class ExpiredIdempotencyKeys {

	private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

	private final IdempotencyRecords records;

	ExpiredIdempotencyKeys(IdempotencyRecords records) {
		this.records = records;
	}

	@Scheduled(initialDelayString = "${restaurant.idempotency.purge-interval:1h}",
			fixedDelayString = "${restaurant.idempotency.purge-interval:1h}")
	void purge() {
		int deleted = this.records.deleteExpired(Instant.now());
		if (deleted > 0) {
			log.info("Deleted {} expired idempotency keys", deleted);
		}
	}

}
