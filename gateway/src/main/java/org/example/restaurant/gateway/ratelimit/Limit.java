package org.example.restaurant.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * A quota policy: {@code quota} requests per {@code window}, a token bucket that fills up
 * again all at once at the end of each window (a fixed window per key, which makes the
 * {@code RateLimit} header's {@code t} exact: within {@code t} seconds no more than
 * {@code r} requests pass).
 *
 * @param policy the policy's name in the headers, such as {@code per-person}
 * @param quota requests per window
 * @param window the window
 */
record Limit(String policy, long quota, Duration window) {

	static Limit perPerson(long quota) {
		return new Limit("per-person", quota, Duration.ofMinutes(1));
	}

	static Limit perAddress(long quota) {
		return new Limit("per-address", quota, Duration.ofMinutes(1));
	}

	Bandwidth bandwidth() {
		return Bandwidth.builder().capacity(this.quota).refillIntervally(this.quota, this.window).build();
	}

	BucketConfiguration configuration() {
		return BucketConfiguration.builder().addLimit(bandwidth()).build();
	}

	/**
	 * The {@code RateLimit-Policy} field, in the syntax of
	 * draft-ietf-httpapi-ratelimit-headers-11 (section 3): a quota policy item, the
	 * policy's name as a string with {@code q} (the quota) and {@code w} (the window in
	 * seconds), such as {@code "per-person";q=600;w=60}.
	 */
	String policyHeader() {
		return "\"" + this.policy + "\";q=" + this.quota + ";w=" + this.window.toSeconds();
	}

}
