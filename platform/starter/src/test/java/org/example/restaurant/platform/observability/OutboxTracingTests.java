package org.example.restaurant.platform.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbox message keeps the trace it was written in: the serialized event carries the
 * trace context, and each attempt to send it, the first one or a re-send of the event
 * read back from the table, runs in a child span of that trace with the order id as
 * baggage.
 */
class OutboxTracingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, BraveAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, AopAutoConfiguration.class,
				ObservabilityAutoConfiguration.class))
		.withPropertyValues("management.tracing.sampling.probability=1.0",
				"management.tracing.baggage.remote-fields=orderId",
				"management.tracing.baggage.correlation.fields=orderId")
		.withUserConfiguration(Messaging.class);

	@Test
	void storesTheTraceContextWithTheEventAndWritesTheSameTextAgain() {
		this.runner.run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			EventSerializer serializer = context.getBean(EventSerializer.class);
			UUID orderId = UUID.randomUUID();
			TicketOrdered event = new TicketOrdered(orderId, "T1");
			Span request = tracer.nextSpan().name("POST /api/orders").start();
			Object stored = writeDuring(request, context, event);
			assertThat(stored).asString()
				.startsWith("{\"trace\":")
				.contains("\"traceparent\":\"00-" + request.context().traceId() + "-" + request.context().spanId())
				.contains("\"orderId\":\"" + orderId + "\"")
				.contains("\"event\":{\"orderId\":\"" + orderId + "\",\"table\":\"T1\"}");
			// Spring Modulith may look the publication up by serializing the event again
			assertThat(serializer.serialize(event)).isEqualTo(stored);
			assertThat(serializer.deserialize(stored, TicketOrdered.class)).isEqualTo(event);
		});
	}

	@Test
	void sendsEachAttemptInAChildSpanOfTheTraceTheMessageWasWrittenIn() {
		this.runner.run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			EventSerializer serializer = context.getBean(EventSerializer.class);
			Receiver receiver = context.getBean(Receiver.class);
			UUID orderId = UUID.randomUUID();
			Span request = tracer.nextSpan().name("POST /api/orders").start();
			TicketOrdered written = new TicketOrdered(orderId, "T2");
			Object stored = writeDuring(request, context, written);

			// the first attempt, after the commit, on another thread without the
			// request's span
			receiver.on(written);
			// a re-send after an outage: the event as read back from the outbox table
			receiver.on(serializer.deserialize(stored, TicketOrdered.class));

			assertThat(receiver.seen()).hasSize(2).allSatisfy((seen) -> {
				assertThat(seen.traceId()).isEqualTo(request.context().traceId());
				assertThat(seen.parentId()).isEqualTo(request.context().spanId());
				assertThat(seen.spanId()).isNotEqualTo(request.context().spanId());
				assertThat(seen.orderId()).isEqualTo(orderId.toString());
			});
		});
	}

	@Test
	void leavesAnEventWrittenOutsideAnyTraceAsItWas() {
		this.runner.run((context) -> {
			EventSerializer serializer = context.getBean(EventSerializer.class);
			Receiver receiver = context.getBean(Receiver.class);
			TicketOrdered event = new TicketOrdered(UUID.randomUUID(), "T3");

			Object stored = serializer.serialize(event);
			receiver.on(serializer.deserialize(stored, TicketOrdered.class));

			assertThat(stored).asString().startsWith("{\"orderId\"");
			assertThat(receiver.seen()).singleElement().satisfies((seen) -> assertThat(seen.traceId()).isNull());
		});
	}

	/**
	 * Writes the event as a service writes it into its outbox while it serves a request:
	 * inside the request's span, with the order id as baggage; then the request ends.
	 */
	private static Object writeDuring(Span request, ApplicationContext context, TicketOrdered event) {
		try (Tracer.SpanInScope scope = context.getBean(Tracer.class).withSpan(request)) {
			context.getBean(OrderIdBaggage.class).tag(event.orderId());
			return context.getBean(EventSerializer.class).serialize(event);
		}
		finally {
			request.end();
		}
	}

	record TicketOrdered(UUID orderId, String table) {
	}

	record Seen(String traceId, String spanId, String parentId, String orderId) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Messaging {

		@Bean
		static EventSerializer jsonEventSerializer() {
			JsonMapper json = JsonMapper.builder().build();
			return new EventSerializer() {
				@Override
				public Object serialize(Object event) {
					return json.writeValueAsString(event);
				}

				@Override
				public <T> T deserialize(Object serialized, Class<T> type) {
					return json.readValue((String) serialized, type);
				}
			};
		}

		@Bean
		Receiver receiver(Tracer tracer) {
			return new Receiver(tracer);
		}

	}

	/** An outbox listener, as a service writes one: it records the span it runs in. */
	static class Receiver {

		final List<Seen> seen = new ArrayList<>();

		private final Tracer tracer;

		Receiver(Tracer tracer) {
			this.tracer = tracer;
		}

		// a method, not the field: the bean is a proxy
		public List<Seen> seen() {
			return this.seen;
		}

		@TransactionalEventListener
		public void on(TicketOrdered event) {
			Span span = this.tracer.currentSpan();
			this.seen.add((span != null) ? new Seen(span.context().traceId(), span.context().spanId(),
					span.context().parentId(), this.tracer.getBaggage("orderId").get())
					: new Seen(null, null, null, null));
		}

	}

}
