package org.example.restaurant.platform.outbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before a handler marked {@link PacedByTheOutbox}, before any transaction of it: waits
 * for room among the outbox's sends ({@link OutboxPacing#awaitRoom()}).
 */
class OutboxPacingInterceptor implements HandlerInterceptor {

	private final OutboxPacing pacing;

	OutboxPacingInterceptor(OutboxPacing pacing) {
		this.pacing = pacing;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PacedByTheOutbox.class)) {
			this.pacing.awaitRoom();
		}
		return true;
	}

}
