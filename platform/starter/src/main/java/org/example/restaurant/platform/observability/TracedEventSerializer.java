package org.example.restaurant.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;

/**
 * Spring Modulith's event serializer with the trace context of each outbox message stored
 * beside the event:
 * {@code {"trace":{"traceparent":"00-...","orderId":"..."},"event":{...}}}. An event
 * written outside any trace, and every message written before this existed, is stored and
 * read as before: the event's JSON alone.
 * <p>
 * Writing the same event object again gives the same text (its context is remembered), as
 * Spring Modulith expects when it looks a publication up by its serialized event.
 *
 * @param delegate Spring Modulith's serializer, which writes the event itself
 * @param contexts the trace contexts of the events being published and read back
 */
record TracedEventSerializer(EventSerializer delegate, OutboxTraceContexts contexts) implements EventSerializer {

	static final String PREFIX = "{\"trace\":";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	@Override
	public Object serialize(Object event) {
		Object serialized = this.delegate.serialize(event);
		Map<String, String> trace = this.contexts.capture(event);
		if (!(serialized instanceof String eventJson) || trace.isEmpty()) {
			return serialized;
		}
		return PREFIX + json.writeValueAsString(trace) + ",\"event\":" + eventJson + "}";
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		if (!(serialized instanceof String text) || !text.startsWith(PREFIX)) {
			return this.delegate.deserialize(serialized, type);
		}
		JsonNode stored = json.readTree(text);
		T event = this.delegate.deserialize(json.writeValueAsString(stored.get("event")), type);
		this.contexts.remember(event, json.convertValue(stored.get("trace"), HEADERS));
		return event;
	}

}
