/**
 * {@code Idempotency-Key} for unsafe requests, after the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header): a client that repeats a request with the
 * same key gets the first response again and nothing is done twice. Self-contained (it
 * needs a {@code JdbcClient}, a transaction manager, a {@code JsonMapper},
 * {@code @EnableScheduling}, and the {@code idempotency_record} table), copied from
 * cashier-service's payments (services share no Java module); see
 * {@link IdempotentRequests} for the rules.
 */
package org.example.restaurant.orders.idempotency;
