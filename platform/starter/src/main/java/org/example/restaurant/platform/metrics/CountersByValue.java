package org.example.restaurant.platform.metrics;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A business counter split by the values of an enum, such as the payments by method or
 * the orders by the status they reached: one counter per constant, tagged with its name,
 * every one registered at zero from the start, so that the first event already shows as
 * an increase and a dashboard has every series before it happens.
 */
public final class CountersByValue {

	private CountersByValue() {
	}

	/**
	 * Registers {@code name} once per constant of {@code values}, tagged
	 * {@code tag=<constant name>}.
	 * @param <E> the enum
	 * @param registry where the counters live
	 * @param name the meter's name, e.g. {@code restaurant.payments}
	 * @param description what it counts
	 * @param tag the tag that names the constant, e.g. {@code method}
	 * @param values the enum's class
	 * @return the counters, by constant
	 */
	public static <E extends Enum<E>> Map<E, Counter> register(MeterRegistry registry, String name, String description,
			String tag, Class<E> values) {
		Map<E, Counter> counters = new EnumMap<>(values);
		for (E value : values.getEnumConstants()) {
			counters.put(value,
					Counter.builder(name).description(description).tag(tag, value.name()).register(registry));
		}
		return counters;
	}

}
