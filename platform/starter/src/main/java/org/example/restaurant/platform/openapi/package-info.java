/**
 * Each service's OpenAPI description (springdoc-openapi) with what the platform knows of
 * every operation: roles from method security, the problem+json answers,
 * {@code Idempotency-Key}, the gateway as the one server. See
 * {@link OpenApiAutoConfiguration}.
 */
package org.example.restaurant.platform.openapi;
