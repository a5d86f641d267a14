package org.example.restaurant.platform.observability;

import java.util.UUID;

import io.micrometer.tracing.Tracer;

/**
 * The order a request or a message is about, as the trace's baggage field
 * {@value #FIELD}: it goes into the logging MDC (every log line of the request shows it)
 * and travels with the trace to every service the request reaches, outbox messages
 * included. A request whose path names the order ({@code {orderId}}) gets it by itself
 * ({@link OrderIdFromPath}); an operation that learns the order id on its own (placing an
 * order) calls {@link #tag(UUID)}.
 */
public class OrderIdBaggage {

	/** The baggage field, the logging MDC key and the header it travels in. */
	public static final String FIELD = "orderId";

	private final Tracer tracer;

	OrderIdBaggage(Tracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * Names the order the current request or message is about, for the rest of the
	 * current span (its log lines and the calls and messages it makes).
	 * @param orderId the order
	 */
	public void tag(UUID orderId) {
		if (orderId != null && this.tracer.currentSpan() != null) {
			this.tracer.getBaggage(FIELD).set(orderId.toString());
		}
	}

}
