package org.example.restaurant.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers messages to the other services ({@code restaurant.outbox.*}).
 *
 * @param resubmitInterval how often the outbox looks for messages due to be sent again
 * (default 2 s)
 * @param firstRetryAfter how long after it was first sent an unaccepted message is sent
 * again (default 5 s, the read timeout, so a first attempt still in flight is seldom
 * doubled; receivers are idempotent if it is); each further attempt waits twice as long
 * as the one before
 * @param maxBackoff the longest wait between two attempts (default 30 s): once a receiver
 * is back, its messages arrive within this time
 * @param stuckAfter a message not accepted this long after it was written counts as
 * stuck: it is logged once and counted in health and metrics (default 1 min)
 * @param keepCompleted how long delivered messages stay in the outbox table before they
 * are purged (default 1 h; {@code restaurant.outbox.purge-interval}, 10 min, says how
 * often the purge runs)
 * @param batchMarks whether the marks of the deliveries (under way, done) are written for
 * many messages in one transaction ({@link BatchedMarks}; default {@code true}); read at
 * start-up
 */
@ConfigurationProperties("restaurant.outbox")
public record OutboxProperties(@DefaultValue("2s") Duration resubmitInterval,
		@DefaultValue("5s") Duration firstRetryAfter, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("1m") Duration stuckAfter, @DefaultValue("1h") Duration keepCompleted,
		@DefaultValue("true") boolean batchMarks) {

	Backoff backoff() {
		return new Backoff(this.firstRetryAfter, this.maxBackoff);
	}

}
