package org.example.restaurant.platform.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of the load-balanced calls to other services ({@code restaurant.client.*}).
 * Short, so that a hanging receiver holds a listener thread only briefly: the outbox
 * sends the message again later.
 *
 * @param connectTimeout connect timeout (default 2 s)
 * @param readTimeout read timeout (default 5 s; the outbox's first re-send waits as long,
 * see {@code restaurant.outbox.first-retry-after})
 */
@ConfigurationProperties("restaurant.client")
public record ServiceClientProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout) {

}
