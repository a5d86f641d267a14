package org.example.restaurant.platform.outbox;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * How a failed asynchronous listener is logged. A listener that throws leaves its message
 * in the outbox to be sent again, the expected outcome while a receiver is down: a
 * {@link DeliveryFailed} was already logged in one line by {@link Delivery}, so nothing
 * more is said; any other failure is one warning line, its stack trace at debug level. (A
 * bean of its own, not the configuration class: Boot wraps {@link AsyncConfigurer}
 * beans.) The executor stays Spring Boot's.
 */
class ListenerFailureLogging implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailureLogging.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (Throwable ex, Method method, Object... params) -> {
			if (ex instanceof DeliveryFailed) {
				return;
			}
			log.warn("{}.{} failed, its message stays in the outbox to be sent again: {}",
					method.getDeclaringClass().getSimpleName(), method.getName(), ex.toString());
			log.debug("Failure of {}", method, ex);
		};
	}

}
