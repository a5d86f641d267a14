package org.example.restaurant.system;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./restaurant up --observe} (docs/observability.md, "Local tools"): Prometheus
 * finds every instance the registry lists and scrapes each at
 * {@code /actuator/prometheus}, the gateway on its own management port, the registry
 * beside them; every figure of every instance carries the instance id the registry lists
 * it under; Zipkin answers, and receives the spans of a call through the gateway.
 */
@SharedRestaurant(observed = true)
class ObserveLauncherIT {

	static Restaurant restaurant;

	@Test
	void prometheusScrapesEveryInstanceTheRegistryListsAndTheGatewayOnItsManagementPort() {
		requirePrometheus();
		Map<String, String> expected = expectedTargets();
		assertThat(expected).as("what the registry lists")
			.containsEntry("localhost:" + restaurant.gatewayManagementPort, "gateway")
			.containsValues("staff-service", "order-service", "cashier-service", "registry");
		assertThat(expected.values().stream().filter("kitchen-service"::equals)).hasSize(3);

		await("Prometheus to scrape every instance the registry lists, each up").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(upTargets()).isEqualTo(expected));

		// Every series carries its application (the gateway's too, from its management
		// port): the dashboards group by it.
		await("a JVM figure of every application").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(queryLabels("count by (application) (jvm_threads_live_threads)", "application"))
						.containsAll(new TreeSet<>(expected.values())));
	}

	/**
	 * Read where Prometheus reads them (the host and port the registry lists, the
	 * management port where there is one), every {@code restaurant_*} and {@code jvm_*}
	 * sample of every instance carries the application and the instance id the registry
	 * lists it under, and the registry's own carry {@code registry:<port>}.
	 */
	@Test
	void everyFigureOfEveryInstanceCarriesTheInstanceIdTheRegistryListsItUnder() {
		List<String> checked = new ArrayList<>();
		for (Instance instance : listedInstances()) {
			assertSamplesCarry(instance.address(), instance.application(), instance.id());
			checked.add(instance.application());
		}
		assertThat(checked).as("the applications of the instances checked")
			.contains("gateway", "order-service", "cashier-service", "staff-service")
			.filteredOn("kitchen-service"::equals)
			.hasSize(3);
		assertSamplesCarry("localhost:" + restaurant.registryPort, "registry", "registry:" + restaurant.registryPort);
	}

	private static void assertSamplesCarry(String address, String application, String instanceId) {
		// in Prometheus' text format (get(URI) asks for JSON)
		Restaurant.Response metrics = restaurant
			.exchange(HttpRequest.newBuilder(URI.create("http://" + address + "/actuator/prometheus")).GET());
		assertThat(metrics.status()).as(address + ": " + metrics.describe()).isEqualTo(200);
		List<String> samples = metrics.body()
			.lines()
			.filter((line) -> line.startsWith("restaurant_") || line.startsWith("jvm_"))
			.toList();
		assertThat(samples).as("the JVM figures of " + instanceId).anyMatch((line) -> line.startsWith("jvm_"));
		assertThat(samples).as("the samples of " + instanceId + " at " + address)
			.allSatisfy((sample) -> assertThat(sample).contains("instance_id=\"" + instanceId + "\"")
				.contains("application=\"" + application + "\""));
	}

	@Test
	void zipkinAnswersAndReceivesTheSpansOfACallThroughTheGateway() {
		Restaurant.Response health = get(restaurant.zipkinUrl().resolve("/health"));
		assertThat(health.status()).as(health.describe()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");

		assertThat(restaurant.get("/api/menu").status()).isEqualTo(200);
		await("the gateway's and the order-service's spans in Zipkin").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				restaurant.get("/api/menu");
				List<String> services = new ArrayList<>();
				get(restaurant.zipkinUrl().resolve("/api/v2/services")).json()
					.forEach((name) -> services.add(name.asString()));
				assertThat(services).contains("gateway", "order-service");
			});
	}

	/**
	 * What Prometheus should scrape: {@code host:port -> application} for every instance
	 * the registry lists (on the port of its {@code management.port} metadata where it
	 * has one), and the registry itself.
	 */
	private static Map<String, String> expectedTargets() {
		Map<String, String> targets = new TreeMap<>();
		targets.put("localhost:" + restaurant.registryPort, "registry");
		listedInstances().forEach((instance) -> targets.put(instance.address(), instance.application()));
		return targets;
	}

	/**
	 * Every instance the registry lists, with the address of its metrics: its host and
	 * the port of its {@code management.port} metadata where it has one, its registered
	 * port otherwise.
	 */
	private static List<Instance> listedInstances() {
		List<Instance> instances = new ArrayList<>();
		JsonNode apps = get(URI.create("http://localhost:" + restaurant.registryPort + "/eureka/apps")).json()
			.path("applications")
			.path("application");
		for (JsonNode app : apps) {
			for (JsonNode instance : app.path("instance")) {
				String managementPort = instance.path("metadata").path("management.port").asString("");
				String port = managementPort.isEmpty() ? String.valueOf(instance.path("port").path("$").asInt())
						: managementPort;
				instances.add(new Instance(instance.path("hostName").asString() + ":" + port,
						app.path("name").asString().toLowerCase(Locale.ROOT), instance.path("instanceId").asString()));
			}
		}
		return instances;
	}

	/**
	 * An instance the registry lists.
	 *
	 * @param address the host and port of its metrics
	 * @param application its application, lower-cased
	 * @param id its instance id
	 */
	private record Instance(String address, String application, String id) {
	}

	/**
	 * The targets Prometheus scrapes that are up: {@code host:port -> application} (the
	 * address from the scrape URL: Eureka's discovery labels {@code instance} with the
	 * instance id).
	 */
	private static Map<String, String> upTargets() {
		Map<String, String> up = new TreeMap<>();
		JsonNode targets = get(restaurant.prometheusUrl().resolve("/api/v1/targets?state=active")).json()
			.path("data")
			.path("activeTargets");
		for (JsonNode target : targets) {
			assertThat(target.path("scrapeUrl").asString()).endsWith("/actuator/prometheus");
			if (target.path("health").asString().equals("up")) {
				up.put(URI.create(target.path("scrapeUrl").asString()).getAuthority(),
						target.path("labels").path("application").asString());
			}
		}
		return up;
	}

	private static List<String> queryLabels(String query, String label) {
		List<String> values = new ArrayList<>();
		get(restaurant.prometheusUrl()
			.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).json()
			.path("data")
			.path("result")
			.forEach((series) -> values.add(series.path("metric").path(label).asString()));
		return values;
	}

	private static Restaurant.Response get(URI uri) {
		return restaurant.exchange(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
	}

	/**
	 * Prometheus is optional for the launcher: without it this fails under
	 * {@code CI=true} (where {@code .ci/run} installs it) and is skipped elsewhere.
	 */
	private static void requirePrometheus() {
		boolean installed = false;
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			installed |= Files.isExecutable(Path.of(dir).resolve("prometheus"));
		}
		if (installed) {
			return;
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(
					"prometheus is missing; .ci/run installs it, and under CI=true it is required");
		}
		throw new TestAbortedException("prometheus is not installed, so this test is skipped (.ci/run installs it)");
	}

}
