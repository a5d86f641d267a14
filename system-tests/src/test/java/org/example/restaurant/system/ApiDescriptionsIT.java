package org.example.restaurant.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API descriptions (docs/observability.md, "API descriptions"): each service's, read
 * through the gateway without a token at {@code /v3/api-docs/{service}}, is the one
 * committed in {@code docs/openapi/{service}.json}, compared as JSON (key order and
 * layout do not matter). A difference is a change of the contract: review it, then write
 * the files again with {@code -Dopenapi.write=true} (README.md, "API descriptions"),
 * which makes this test write what the services publish instead of comparing. The
 * explorer at {@code /swagger-ui.html} opens without signing in.
 */
@SharedRestaurant
class ApiDescriptionsIT {

	/** Writes the files from the running services instead of comparing with them. */
	static final boolean WRITE = Boolean.getBoolean("openapi.write");

	/**
	 * The files are written sorted by key and indented, so that their diffs read well.
	 */
	static final JsonMapper files = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	static Restaurant restaurant;

	@ParameterizedTest
	@ValueSource(strings = { "order-service", "kitchen-service", "cashier-service", "staff-service" })
	void eachServicePublishesTheCommittedDescription(String service) throws IOException {
		Restaurant.Response response = restaurant.get("/v3/api-docs/" + service);
		assertThat(response.status()).as(service + ": " + response.describe()).isEqualTo(200);
		JsonNode published = response.json();
		assertThat(published.path("info").path("title").asString()).isEqualTo(service);

		Path file = committed(service);
		if (WRITE) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, files.writeValueAsString(published) + "\n", StandardCharsets.UTF_8);
			System.out.println("Wrote " + file);
			return;
		}
		assertThat(file).as("docs/openapi/%s.json (write it with -Dopenapi.write=true)", service).exists();
		JsonNode expected = Restaurant.json.readTree(Files.readString(file, StandardCharsets.UTF_8));
		Optional<String> difference = firstDifference("", expected, published);
		assertThat(difference)
			.as("%s publishes another description than docs/openapi/%s.json; after reviewing the change,"
					+ " write the files again with -Dopenapi.write=true (README.md, \"API descriptions\")", service,
					service)
			.isEmpty();
	}

	@Test
	void theExplorerOpensWithoutSigningIn() {
		Restaurant.Response page = restaurant.get("/swagger-ui.html");
		if (page.status() / 100 == 3) {
			String location = page.header("Location");
			assertThat(location).as(page.describe()).isNotBlank();
			page = restaurant.get(location);
		}
		assertThat(page.status()).as(page.describe()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("swagger-ui");

		Restaurant.Response config = restaurant.get("/v3/api-docs/swagger-config");
		assertThat(config.status()).as(config.describe()).isEqualTo(200);
		assertThat(config.json().path("urls").findValuesAsString("url")).containsExactlyInAnyOrder(
				"/v3/api-docs/order-service", "/v3/api-docs/kitchen-service", "/v3/api-docs/cashier-service",
				"/v3/api-docs/staff-service");
	}

	private static Path committed(String service) {
		return Path.of(System.getProperty("restaurant.home", ".."))
			.toAbsolutePath()
			.normalize()
			.resolve("docs/openapi/" + service + ".json");
	}

	/**
	 * The first place, as a JSON pointer, where two documents differ, with both values
	 * there (shortened); empty when they are the same JSON.
	 */
	static Optional<String> firstDifference(String at, JsonNode expected, JsonNode actual) {
		if (expected.isObject() && actual.isObject()) {
			Set<String> names = new LinkedHashSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!expected.has(name)) {
					return Optional.of(path + ": not in the committed file, published " + shorten(actual.get(name)));
				}
				if (!actual.has(name)) {
					return Optional.of(path + ": committed " + shorten(expected.get(name)) + ", no longer published");
				}
				Optional<String> inside = firstDifference(path, expected.get(name), actual.get(name));
				if (inside.isPresent()) {
					return inside;
				}
			}
			return Optional.empty();
		}
		if (expected.isArray() && actual.isArray()) {
			Iterator<JsonNode> committed = expected.values().iterator();
			Iterator<JsonNode> published = actual.values().iterator();
			for (int i = 0; committed.hasNext() || published.hasNext(); i++) {
				if (!committed.hasNext() || !published.hasNext()) {
					return Optional.of(at + ": committed " + expected.size() + " items, published " + actual.size());
				}
				Optional<String> inside = firstDifference(at + "/" + i, committed.next(), published.next());
				if (inside.isPresent()) {
					return inside;
				}
			}
			return Optional.empty();
		}
		return expected.equals(actual) ? Optional.empty() : Optional
			.of(((at.isEmpty()) ? "/" : at) + ": committed " + shorten(expected) + ", published " + shorten(actual));
	}

	private static String shorten(JsonNode node) {
		String text = String.valueOf(node);
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
