package org.example.restaurant.platform.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountersByValueTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void registersEveryValueAtZeroBeforeAnythingHappened() {
		CountersByValue.register(this.registry, "restaurant.doors", "Doors opened", "door", Door.class);

		assertThat(this.registry.find("restaurant.doors").counters()).hasSize(2)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
		assertThat(this.registry.get("restaurant.doors").tag("door", "FRONT").counter().getId().getDescription())
			.isEqualTo("Doors opened");
	}

	@Test
	void eachValueCountsOnItsOwnSeries() {
		Map<Door, Counter> opened = CountersByValue.register(this.registry, "restaurant.doors", "Doors opened", "door",
				Door.class);

		opened.get(Door.KITCHEN).increment();
		opened.get(Door.KITCHEN).increment();

		assertThat(this.registry.get("restaurant.doors").tag("door", "KITCHEN").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("restaurant.doors").tag("door", "FRONT").counter().count()).isZero();
	}

	enum Door {

		FRONT, KITCHEN

	}

}
