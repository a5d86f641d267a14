package org.example.restaurant.platform.outbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.AsyncConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's quiet handler of failed async listeners is the one {@code @Async} uses,
 * next to Spring Boot's task execution (which otherwise declares an
 * {@link AsyncConfigurer} of its own, whose handler logs every failed delivery as an
 * ERROR with its stack trace).
 */
class ListenerFailureLoggingTests {

	@Test
	void isTheAsyncConfigurationAlongsideSpringBootsTaskExecution() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					ListenerFailureLoggingAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(AsyncConfigurer.class);
				assertThat(context.getBean(AsyncConfigurer.class).getAsyncUncaughtExceptionHandler()).isNotNull()
					.satisfies((handler) -> assertThat(handler.getClass().getName())
						.startsWith(ListenerFailureLogging.class.getName()));
				assertThat(context.getBean(AsyncConfigurer.class).getAsyncExecutor()).isNotNull();
			});
	}

}
