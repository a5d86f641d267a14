package org.example.restaurant.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests marked {@link PacedByTheOutbox} wait for the outbox's sends
 * ({@code restaurant.outbox.pacing.*}, {@link OutboxPacing}).
 *
 * @param limit a paced request waits while this many sends are queued or in flight
 * (default 32: twice the 16 sending threads, so that a message waits for at most one
 * round of sends ahead of it; 0 turns pacing off)
 * @param maxWait the longest a request waits before it goes on all the same (default 1 s,
 * well within the gateway's 3 s)
 */
@ConfigurationProperties("restaurant.outbox.pacing")
public record OutboxPacingProperties(@DefaultValue("32") int limit, @DefaultValue("1s") Duration maxWait) {

}
