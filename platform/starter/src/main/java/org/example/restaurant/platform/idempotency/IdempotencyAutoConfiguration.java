package org.example.restaurant.platform.idempotency;

import java.time.Clock;

import org.example.restaurant.platform.schema.PlatformSchema;
import org.example.restaurant.platform.time.ClockAutoConfiguration;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} handling ({@link IdempotentRequests}) for a service that sets
 * {@code restaurant.idempotency.enabled=true}, with its purge
 * ({@link ExpiredIdempotencyKeys}) and its table.
 * <p>
 * The table, {@code idempotency_record}, is the platform's, not the service's: its
 * migrations live in {@code db/platform/idempotency} and are applied after the service's
 * own ({@link PlatformSchema}).
 */
@AutoConfiguration(after = ClockAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcClient.class, Flyway.class, JsonMapper.class })
@ConditionalOnBooleanProperty("restaurant.idempotency.enabled")
@EnableScheduling
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyAutoConfiguration {

	@Bean
	PlatformSchema idempotencySchema() {
		return new PlatformSchema("idempotency");
	}

	@Bean
	IdempotencyRecords idempotencyRecords(JdbcClient jdbc) {
		return new IdempotencyRecords(jdbc);
	}

	@Bean
	IdempotentRequests idempotentRequests(IdempotencyRecords records, IdempotencySettings settings, JsonMapper json,
			Clock clock, PlatformTransactionManager transactionManager) {
		return new IdempotentRequests(records, settings, json, clock, transactionManager);
	}

	@Bean
	ExpiredIdempotencyKeys expiredIdempotencyKeys(IdempotencyRecords records, Clock clock,
			PlatformTransactionManager transactionManager) {
		return new ExpiredIdempotencyKeys(records, clock, new TransactionTemplate(transactionManager));
	}

}
