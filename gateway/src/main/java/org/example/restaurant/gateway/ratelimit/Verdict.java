package org.example.restaurant.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * What a bucket said about one request.
 *
 * @param limit the policy that counted it
 * @param allowed whether it may pass
 * @param remaining requests left in the window
 * @param resetSeconds seconds until the window ends and the bucket is full again; for a
 * refused request, what the client must wait
 */
record Verdict(Limit limit, boolean allowed, long remaining, long resetSeconds) {

	static Verdict of(Limit limit, ConsumptionProbe probe) {
		long nanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
		long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
		return new Verdict(limit, probe.isConsumed(), probe.getRemainingTokens(),
				probe.isConsumed() ? seconds : Math.max(1, seconds));
	}

	/**
	 * The {@code RateLimit} field, in the syntax of
	 * draft-ietf-httpapi-ratelimit-headers-11 (section 4): a service limit item naming
	 * the policy, with {@code r} (the quota left) and {@code t} (seconds within which no
	 * more than that passes), such as {@code "per-person";r=12;t=30}.
	 */
	String header() {
		return "\"" + this.limit.policy() + "\";r=" + this.remaining + ";t=" + this.resetSeconds;
	}

}
