package org.example.restaurant.platform.outbox;

import org.example.restaurant.platform.schema.PlatformSchema;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The outbox's table, {@code event_publication} (Spring Modulith's JPA event publication
 * registry), from the platform's migrations in {@code db/platform/outbox}: on for every
 * service with Spring Modulith's events and Flyway, also in JPA and JDBC test slices.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class, OutboxProperties.class,
		org.springframework.modulith.events.IncompleteEventPublications.class })
public class OutboxSchemaAutoConfiguration {

	@Bean
	PlatformSchema outboxSchema() {
		return new PlatformSchema("outbox");
	}

}
