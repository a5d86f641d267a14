package org.example.restaurant.orders.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers messages to the other services.
 *
 * @param resubmitInterval how often undelivered messages are sent again
 * ({@code restaurant.outbox.resubmit-interval}, default 5 s)
 * @param resubmitOlderThan only messages at least this old are sent again, so that a
 * first attempt still in flight is not doubled right away (default 5 s)
 * @param connectTimeout connect timeout of the calls to other services (default 2 s)
 * @param readTimeout read timeout of the calls to other services (default 5 s)
 */
@ConfigurationProperties("restaurant.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration resubmitInterval,
		@DefaultValue("5s") Duration resubmitOlderThan, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout) {

}
