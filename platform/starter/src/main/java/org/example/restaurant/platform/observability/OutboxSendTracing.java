package org.example.restaurant.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Around each outbox listener ({@code @TransactionalEventListener}, whose events Spring
 * Modulith keeps as publications): the attempt to send the message runs in a span that is
 * a child of the trace the message was written in ({@link OutboxTraceContexts}), whether
 * it is the first attempt after the commit or a re-send by the outbox minutes later. The
 * load-balanced call inside it carries that trace to the receiver.
 */
class OutboxSendTracing implements MethodInterceptor {

	private final ObjectProvider<OutboxTraceContexts> contexts;

	OutboxSendTracing(ObjectProvider<OutboxTraceContexts> contexts) {
		this.contexts = contexts;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		OutboxTraceContexts contexts = this.contexts.getObject();
		Span span = (arguments.length == 1 && arguments[0] != null)
				? contexts.startSending(arguments[0], "outbox " + arguments[0].getClass().getSimpleName()) : null;
		Tracer tracer = contexts.tracer();
		if (span == null || tracer == null) {
			return invocation.proceed();
		}
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
