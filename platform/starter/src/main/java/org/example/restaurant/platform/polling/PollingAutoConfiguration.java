package org.example.restaurant.platform.polling;

import org.example.restaurant.platform.schema.PlatformSchema;
import org.flywaydb.core.Flyway;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lists that screens poll cheaply (docs/api.md, "Polling") for a service that sets
 * {@code restaurant.polling.enabled=true} and names its lists in
 * {@code restaurant.polling.lists}: their versions ({@link ListVersions}), kept in the
 * platform's table {@code list_version} (migrations in {@code db/platform/polling},
 * {@link PlatformSchema}), and the description of {@link PolledList} operations in the
 * service's OpenAPI description. Its controllers answer with {@link Polled}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, Flyway.class })
@ConditionalOnBooleanProperty("restaurant.polling.enabled")
@EnableConfigurationProperties(PollingSettings.class)
public class PollingAutoConfiguration {

	@Bean
	PlatformSchema pollingSchema() {
		return new PlatformSchema("polling");
	}

	@Bean
	ListVersions listVersions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			PollingSettings settings) {
		return new ListVersions(jdbc, transactionManager, settings.lists());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OperationCustomizer.class)
	static class PolledListDescriptionsConfiguration {

		@Bean
		PolledListDescriptions polledListDescriptions() {
			return new PolledListDescriptions();
		}

	}

}
