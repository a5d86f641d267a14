package org.example.restaurant.platform.idempotency;

import java.time.Clock;

import javax.sql.DataSource;

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

/**
 * {@code Idempotency-Key} handling ({@link IdempotentRequests}) for a service that sets
 * {@code restaurant.idempotency.enabled=true}, with its purge
 * ({@link ExpiredIdempotencyKeys}) and its table.
 * <p>
 * The table is the platform's, not the service's: its migrations live in
 * {@value #MIGRATIONS} and are applied by a Flyway of their own, with their own history
 * table ({@value #HISTORY}), so that their versions never mix with the service's own
 * migrations, and a later platform migration runs whatever version the service's schema
 * is at. They run on the service's data source (H2 or PostgreSQL) before the first
 * request can use the table.
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

	/** Where the platform's idempotency migrations are. */
	public static final String MIGRATIONS = "classpath:db/platform/idempotency";

	/** Their Flyway history table. */
	public static final String HISTORY = "platform_idempotency_history";

	@Bean
	IdempotencySchema idempotencySchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(MIGRATIONS)
			.table(HISTORY)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new IdempotencySchema();
	}

	@Bean
	IdempotencyRecords idempotencyRecords(JdbcClient jdbc, IdempotencySchema schema) {
		return new IdempotencyRecords(jdbc);
	}

	@Bean
	IdempotentRequests idempotentRequests(IdempotencyRecords records, IdempotencySettings settings, JsonMapper json,
			Clock clock, PlatformTransactionManager transactionManager) {
		return new IdempotentRequests(records, settings, json, clock, transactionManager);
	}

	@Bean
	ExpiredIdempotencyKeys expiredIdempotencyKeys(IdempotencyRecords records, Clock clock) {
		return new ExpiredIdempotencyKeys(records, clock);
	}

	/** The table is there: what the records wait for. */
	static final class IdempotencySchema {

	}

}
