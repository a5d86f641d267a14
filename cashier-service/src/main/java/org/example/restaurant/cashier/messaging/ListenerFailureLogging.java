package org.example.restaurant.cashier.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * A listener that throws has left its publication incomplete on purpose (the receiver is
 * down, say), and Spring Modulith already says so: that is logged as one warning line,
 * not as an error with a stack trace every few seconds for as long as the receiver stays
 * down. The stack trace is there at DEBUG.
 */
@Component
class ListenerFailureLogging implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailureLogging.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (ex, method, params) -> {
			log.warn("{}.{} failed, its message stays in the outbox and is sent again: {}",
					method.getDeclaringClass().getSimpleName(), method.getName(), ex.toString());
			log.debug("Failure of {}", method, ex);
		};
	}

}
