package org.example.restaurant.platform.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The trace context each outbox message was written in: W3C {@code traceparent} and the
 * baggage ({@code orderId}), as the propagation headers Micrometer Tracing would put on a
 * call. Spring Modulith keeps no trace with an event publication (spring-modulith #555),
 * so {@link TracedEventSerializer} stores it beside the event, and
 * {@link OutboxSendTracing} opens the span of each attempt to send the message as a child
 * of it, so the receiver's span joins the trace of the request that wrote the message,
 * however late it is sent.
 * <p>
 * In memory, the context of each event object the outbox is handling: captured when the
 * event is written, read back when a stored one is loaded; held weakly, so an event that
 * was sent and forgotten takes its context with it.
 */
class OutboxTraceContexts {

	private final Map<Object, Map<String, String>> byEvent = Collections.synchronizedMap(new WeakHashMap<>());

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	OutboxTraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The context the event was written in: the one already known for it, else the
	 * current one (the event is being written now), else none.
	 * @param event the event
	 * @return the propagation headers, empty when there is no trace
	 */
	Map<String, String> capture(Object event) {
		Map<String, String> known = this.byEvent.get(event);
		if (known != null) {
			return known;
		}
		Tracer tracer = this.tracer.getIfAvailable();
		Propagator propagator = this.propagator.getIfAvailable();
		TraceContext current = (tracer != null) ? tracer.currentTraceContext().context() : null;
		if (current == null || propagator == null) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		propagator.inject(current, headers, Map::put);
		this.byEvent.put(event, headers);
		return headers;
	}

	/**
	 * Remembers the context stored with an event read back from the outbox.
	 * @param event the event
	 * @param headers its propagation headers
	 */
	void remember(Object event, Map<String, String> headers) {
		if (!headers.isEmpty()) {
			this.byEvent.put(event, headers);
		}
	}

	/**
	 * Starts the span of one attempt to send the event, as a child of the context it was
	 * written in.
	 * @param event the event being sent
	 * @param name the span's name
	 * @return the started span, or {@code null} when the event has no known context
	 */
	Span startSending(Object event, String name) {
		Map<String, String> headers = this.byEvent.get(event);
		Tracer tracer = this.tracer.getIfAvailable();
		Propagator propagator = this.propagator.getIfAvailable();
		if (headers == null || tracer == null || propagator == null) {
			return null;
		}
		return propagator.extract(headers, (carrier, key) -> carrier.get(key))
			.name(name)
			.kind(Span.Kind.PRODUCER)
			.start();
	}

	Tracer tracer() {
		return this.tracer.getIfAvailable();
	}

}
