package org.example.restaurant.kitchen.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * A listener that throws leaves its message in the outbox to be sent again, which is the
 * expected outcome while a receiver is down: so one warning per attempt, not a stack
 * trace (that only at debug level). The executor stays Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
class ListenerFailureLogging implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailureLogging.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (ex, method, params) -> {
			log.warn("{}.{} failed, its message stays in the outbox to be sent again: {}",
					method.getDeclaringClass().getSimpleName(), method.getName(), ex.toString());
			log.debug("Failure of {}", method, ex);
		};
	}

}
