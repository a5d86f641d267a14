package org.example.restaurant.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory (Bucket4j, lock-free). A bucket that has filled up
 * again is no different from a new one, so once a minute those are dropped: the map holds
 * only the people and addresses of the last minute or so.
 */
final class MemoryBuckets implements Buckets {

	private static final long SWEEP_NANOS = Duration.ofMinutes(1).toNanos();

	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_NANOS);

	@Override
	public Mono<Verdict> consume(String key, Limit limit) {
		sweepIfDue();
		Entry entry = this.buckets.computeIfAbsent(key,
				(k) -> new Entry(Bucket.builder().addLimit(limit.bandwidth()).build(), limit.quota()));
		return Mono.just(Verdict.of(limit, entry.bucket().tryConsumeAndReturnRemaining(1)));
	}

	int size() {
		return this.buckets.size();
	}

	private void sweepIfDue() {
		long due = this.nextSweep.get();
		long now = System.nanoTime();
		if (now - due < 0 || !this.nextSweep.compareAndSet(due, now + SWEEP_NANOS)) {
			return;
		}
		this.buckets.values().removeIf((entry) -> entry.bucket().getAvailableTokens() >= entry.capacity());
	}

	private record Entry(Bucket bucket, long capacity) {

	}

}
