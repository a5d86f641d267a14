package org.example.restaurant.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where the rate limits' buckets live: this gateway's memory, or Redis. */
interface Buckets {

	/**
	 * Counts one request against a key's bucket.
	 * @param key whose bucket: a person's or an address's
	 * @param limit the bucket's policy
	 * @return the verdict, or nothing if the count could not be made (the request then
	 * passes uncounted)
	 */
	Mono<Verdict> consume(String key, Limit limit);

}
