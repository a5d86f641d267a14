package org.example.restaurant.platform.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The outbox's pacing of rushed requests ({@link OutboxPacing}): its decorator on Spring
 * Boot's executor of the asynchronous listeners (a service with a {@link TaskDecorator}
 * of its own has no pacing, so that the platform never replaces that one), and the
 * interceptor of the handlers marked {@link PacedByTheOutbox}. On for a service with an
 * outbox (a Spring Modulith events starter); {@code
 * restaurant.outbox.pacing.limit=0} keeps the count but never waits.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@ConditionalOnClass(IncompleteEventPublications.class)
@EnableConfigurationProperties(OutboxPacingProperties.class)
public class OutboxPacingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	OutboxPacing outboxPacing(OutboxPacingProperties properties) {
		return new OutboxPacing(properties);
	}

	/**
	 * The decorator on the executor of the asynchronous listeners alone, not as a
	 * {@link TaskDecorator} bean: Spring Boot would give that to its task scheduler too,
	 * whose periodic tasks run one decorated task many times.
	 */
	@Bean
	@ConditionalOnBean(OutboxPacing.class)
	ThreadPoolTaskExecutorCustomizer outboxPacingOfTheSends(OutboxPacing pacing) {
		return (executor) -> executor.setTaskDecorator(pacing.decorator());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class PacedRequests {

		@Bean
		WebMvcConfigurer outboxPacedRequests(ObjectProvider<OutboxPacing> pacing) {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					pacing.ifAvailable((found) -> registry.addInterceptor(new OutboxPacingInterceptor(found)));
				}
			};
		}

	}

}
