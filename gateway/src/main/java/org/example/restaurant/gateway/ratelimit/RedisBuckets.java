package org.example.restaurant.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.StringUtils;

/**
 * Buckets in Redis, shared by every gateway with the same Redis and key prefix
 * (Bucket4j's Lettuce integration: a compare-and-swap of each bucket's state, so two
 * gateways never both spend the last request of a minute). A key lives until its bucket
 * would be full again, and a little longer.
 * <p>
 * A rate limit must never refuse everyone: while Redis cannot be reached (not yet
 * connected, the connection lost, a count slower than {@code spring.data.redis.timeout}),
 * requests pass uncounted. Each is counted in {@code gateway.ratelimit.unchecked}, and a
 * WARN says so at most once a minute. The connection is tried at start, and after a
 * failure again at most every few seconds; once made, Lettuce reconnects it by itself,
 * and refuses commands at once while it is down rather than queueing them.
 * <p>
 * Bucket4j reads the time from this gateway's clock: gateways that share a Redis should
 * keep their clocks in step (NTP), as machines do anyway.
 */
final class RedisBuckets implements Buckets, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

	private static final long RECONNECT_NANOS = Duration.ofSeconds(5).toNanos();

	private static final long WARNING_NANOS = Duration.ofMinutes(1).toNanos();

	private final RedisClient client;

	private final RedisURI uri;

	/** Host and port, for the log (never the password). */
	private final String where;

	private final Duration timeout;

	private final String keyPrefix;

	private final Counter unchecked;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final AtomicLong nextConnect = new AtomicLong();

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private final AtomicLong uncheckedSinceWarning = new AtomicLong();

	private volatile StatefulRedisConnection<byte[], byte[]> connection;

	private volatile AsyncProxyManager<byte[]> buckets;

	RedisBuckets(RedisSettings redis, String keyPrefix, MeterRegistry meters) {
		this.uri = uri(redis);
		this.where = this.uri.getHost() + ":" + this.uri.getPort();
		this.timeout = redis.timeout();
		this.keyPrefix = keyPrefix;
		this.unchecked = Counter.builder("gateway.ratelimit.unchecked")
			.description("Requests let through without a rate limit because Redis could not be reached")
			.tag("store", "redis")
			.register(meters);
		this.client = RedisClient.create();
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(redis.timeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(redis.connectTimeout()).build())
			.build());
		connectNow();
	}

	private static RedisURI uri(RedisSettings redis) {
		RedisURI uri;
		if (StringUtils.hasText(redis.url())) {
			uri = RedisURI.create(redis.url());
		}
		else {
			uri = RedisURI.builder()
				.withHost(redis.host())
				.withPort(redis.port())
				.withDatabase(redis.database())
				.build();
			if (StringUtils.hasText(redis.password())) {
				if (StringUtils.hasText(redis.username())) {
					uri.setUsername(redis.username());
				}
				uri.setPassword(redis.password().toCharArray());
			}
		}
		uri.setTimeout(redis.timeout());
		return uri;
	}

	@Override
	public Mono<Verdict> consume(String key, Limit limit) {
		AsyncProxyManager<byte[]> current = this.buckets;
		if (current == null) {
			connectLater();
			return letThrough("not connected");
		}
		byte[] redisKey = (this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
		return Mono
			.fromFuture(() -> current.builder()
				.build(redisKey, () -> CompletableFuture.completedFuture(limit.configuration()))
				.tryConsumeAndReturnRemaining(1))
			.timeout(this.timeout)
			.map((probe) -> Verdict.of(limit, probe))
			.onErrorResume((ex) -> letThrough(ex.toString()));
	}

	boolean isConnected() {
		StatefulRedisConnection<byte[], byte[]> current = this.connection;
		return current != null && current.isOpen();
	}

	double unchecked() {
		return this.unchecked.count();
	}

	private Mono<Verdict> letThrough(String reason) {
		this.unchecked.increment();
		long skipped = this.uncheckedSinceWarning.incrementAndGet();
		long due = this.nextWarning.get();
		long now = System.nanoTime();
		if (now - due >= 0 && this.nextWarning.compareAndSet(due, now + WARNING_NANOS)) {
			this.uncheckedSinceWarning.addAndGet(-skipped);
			log.warn("Redis at {} cannot count requests ({}): {} request(s) passed without a rate limit since the"
					+ " last warning; they pass until it is back", this.where, reason, skipped);
		}
		return Mono.empty();
	}

	/** The first try, at start: waits at most the connect time-out. */
	private void connectNow() {
		try {
			connected(this.client.connect(ByteArrayCodec.INSTANCE, this.uri));
		}
		catch (RuntimeException ex) {
			this.nextConnect.set(System.nanoTime() + RECONNECT_NANOS);
			log.warn("Redis at {} cannot be reached ({}); requests pass without a rate limit until it can", this.where,
					ex.toString());
		}
	}

	/** Later tries: asynchronous, so that no request waits for them, one at a time. */
	private void connectLater() {
		long due = this.nextConnect.get();
		if (System.nanoTime() - due < 0 || !this.connecting.compareAndSet(false, true)) {
			return;
		}
		this.nextConnect.set(System.nanoTime() + RECONNECT_NANOS);
		this.client.connectAsync(ByteArrayCodec.INSTANCE, this.uri).whenComplete((connection, ex) -> {
			this.connecting.set(false);
			if (ex == null) {
				connected(connection);
				log.info("Redis at {} reached: requests are counted again", this.where);
			}
		});
	}

	private void connected(StatefulRedisConnection<byte[], byte[]> connection) {
		this.connection = connection;
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build()
			.asAsync();
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<byte[], byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
