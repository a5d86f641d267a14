package org.example.restaurant.platform.figures;

import java.time.Clock;

import jakarta.persistence.EntityManager;
import org.example.restaurant.platform.outbox.Outbox;
import org.example.restaurant.platform.outbox.OutboxAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link LiveFigures} for a service with JPA and an outbox, whose backlog its figures
 * show.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnClass(EntityManager.class)
@ConditionalOnBean(Outbox.class)
public class LiveFiguresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LiveFigures liveFigures(Clock clock, Outbox outbox, PlatformTransactionManager transactionManager,
			EntityManager entityManager) {
		return new LiveFigures(clock, outbox, transactionManager, entityManager);
	}

}
