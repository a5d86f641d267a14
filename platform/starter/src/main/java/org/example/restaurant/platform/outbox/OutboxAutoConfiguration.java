package org.example.restaurant.platform.outbox;

import java.time.Clock;
import java.util.HashSet;
import java.util.UUID;

import org.example.restaurant.platform.time.ClockAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox, for a service whose event publication registry (Spring Modulith) is its
 * outbox: asynchronous listeners, the scheduled re-sending with back-off, health
 * {@code outbox}, the gauges and the purge ({@link Outbox}), set by
 * {@code restaurant.outbox.*} ({@link OutboxProperties}); and the quiet logging of failed
 * listeners ({@link ListenerFailureLogging}); the statements a delivery makes on the
 * outbox table prepared at start-up ({@link OutboxWarmUp}); the marks of the deliveries
 * written in groups ({@link BatchedMarks}). On when the service has a publication
 * registry, that is, when it depends on a Spring Modulith events starter.
 */
@AutoConfiguration(after = ClockAutoConfiguration.class,
		afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@ConditionalOnClass({ IncompleteEventPublications.class, HealthIndicator.class })
@ConditionalOnBean(IncompleteEventPublications.class)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(IncompleteEventPublications incomplete, CompletedEventPublications completed, JdbcOperations jdbc,
			OutboxProperties properties, Clock clock) {
		Outbox.FailedPublications failed = () -> new HashSet<>(jdbc.queryForList(
				"select id from event_publication where completion_date is null and (status is null or status = 'FAILED')",
				UUID.class));
		return new Outbox(incomplete, completed, failed, properties, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "restaurant.outbox.batch-marks", matchIfMissing = true)
	static BatchedMarksPostProcessor outboxBatchedMarks(ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new BatchedMarksPostProcessor(transactionManager);
	}

	@Bean
	OutboxWarmUp outboxWarmUp(ObjectProvider<EventPublicationRepository> publications, Clock clock) {
		return new OutboxWarmUp(publications, clock);
	}

}
