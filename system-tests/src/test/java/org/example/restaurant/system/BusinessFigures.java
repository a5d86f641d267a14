package org.example.restaurant.system;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business figures of every instance the registry lists, read where Prometheus reads
 * them: {@code /actuator/prometheus} on each instance's own host and port.
 */
record BusinessFigures(Map<String, BigDecimal> bySeries) {

	private static final Pattern SAMPLE = Pattern.compile("^(restaurant_[a-z_]+)(\\{[^}]*\\})? (\\S+)$");

	static BusinessFigures read(Restaurant restaurant) {
		Map<String, BigDecimal> series = new HashMap<>();
		for (String app : List.of("order-service", "kitchen-service", "cashier-service")) {
			for (JsonNode instance : restaurant.registryApp(app).path("instance")) {
				URI metrics = URI.create("http://" + instance.path("hostName").asString() + ":"
						+ instance.path("port").path("$").asInt() + "/actuator/prometheus");
				Restaurant.Response answer = restaurant.exchange(HttpRequest.newBuilder(metrics).GET());
				assertThat(answer.status()).as(metrics + ": " + answer.describe()).isEqualTo(200);
				for (String line : answer.body().split("\n")) {
					Matcher sample = SAMPLE.matcher(line);
					if (sample.matches()) {
						String key = sample.group(1) + ((sample.group(2) != null) ? sample.group(2) : "");
						series.merge(instance.path("instanceId").asString() + " " + key,
								new BigDecimal(sample.group(3)), BigDecimal::add);
					}
				}
			}
		}
		return new BusinessFigures(series);
	}

	/**
	 * The sum over every instance and series whose name (and first labels) start so.
	 */
	BigDecimal sum(String prefix) {
		String name = prefix.contains("{") ? prefix.substring(0, prefix.indexOf('{')) : prefix;
		String labels = prefix.contains("{") ? prefix.substring(prefix.indexOf('{') + 1) : "";
		return this.bySeries.entrySet().stream().filter((entry) -> {
			String series = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
			return (series.equals(name) || series.startsWith(name + "{"))
					&& (labels.isEmpty() || series.contains(labels));
		}).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	BigDecimal minus(BusinessFigures before, String prefix) {
		return sum(prefix).subtract(before.sum(prefix));
	}

}
