/**
 * Watching a service work (docs/observability.md): the tags every metric carries, the
 * trace id on every response, the order id in the trace's baggage and so in every log
 * line, and the trace context kept with each outbox message so that a message sent after
 * the commit, or again after an outage, joins the trace it was written in.
 */
package org.example.restaurant.platform.observability;
