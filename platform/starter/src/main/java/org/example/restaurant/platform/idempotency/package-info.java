/**
 * {@code Idempotency-Key} for unsafe requests, after the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header): a client that repeats a request with the
 * same key gets the first response again and nothing is done twice. Switched on by
 * {@code restaurant.idempotency.enabled=true} ({@link IdempotencyAutoConfiguration}),
 * which also makes its table; see {@link IdempotentRequests} for the rules.
 */
package org.example.restaurant.platform.idempotency;
