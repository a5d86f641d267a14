package org.example.restaurant.platform.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * The outbox's quiet logging of failed asynchronous listeners
 * ({@link ListenerFailureLogging}). Before Spring Boot's task execution: Boot declares an
 * {@link AsyncConfigurer} of its own when the service has none, which kept this one out
 * (every failed delivery was an ERROR with a stack trace), and wraps one that is there,
 * giving it Boot's executor.
 */
@AutoConfiguration(before = TaskExecutionAutoConfiguration.class)
@ConditionalOnClass(IncompleteEventPublications.class)
public class ListenerFailureLoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AsyncConfigurer.class)
	AsyncConfigurer listenerFailureLogging() {
		return new ListenerFailureLogging();
	}

}
