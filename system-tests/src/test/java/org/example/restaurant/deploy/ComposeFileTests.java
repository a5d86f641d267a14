package org.example.restaurant.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker-compose demo ({@code compose.yaml}), as Compose itself reads it: there is no
 * Docker engine on the build machines, but {@code docker compose config} (or Debian's
 * {@code docker-compose config}) validates the file and prints the services with every
 * anchor and variable resolved, which is what these tests look at.
 */
class ComposeFileTests {

	static final Set<String> JAVA_SERVICES = Set.of("registry", "gateway", "order-service", "kitchen-service",
			"cashier-service");

	static final Map<String, String> DATABASES = Map.of("order-service", "ORDERS", "kitchen-service", "KITCHEN",
			"cashier-service", "CASHIER");

	static JsonNode services;

	@BeforeAll
	static void readTheComposeFile() throws Exception {
		List<String> command = new ArrayList<>(compose());
		command.addAll(List.of("--file", "compose.yaml", "config"));
		services = new YAMLMapper().readTree(Tools.run(command)).path("services");
	}

	/**
	 * {@code docker compose} where it works without an engine, else
	 * {@code docker-compose}.
	 */
	private static List<String> compose() {
		if (Tools.find("docker").isPresent()
				&& Tools.execute(List.of("docker", "compose", "version"), true).exitCode() == 0) {
			return List.of("docker", "compose");
		}
		if (Tools.find("docker-compose").isPresent()) {
			return List.of("docker-compose");
		}
		throw Tools.missing("docker compose (or docker-compose)");
	}

	@Test
	void runsTheRegistryTheGatewayTheServicesAndPostgres() {
		assertThat(names(services)).containsExactlyInAnyOrder("postgres", "registry", "gateway", "order-service",
				"kitchen-service", "cashier-service");
		assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:15");
	}

	@Test
	void runsThreeKitchenReplicasAndOneOfEverythingElse() {
		assertThat(services.path("kitchen-service").path("deploy").path("replicas").asInt()).isEqualTo(3);
		for (String name : names(services)) {
			if (!name.equals("kitchen-service")) {
				assertThat(services.path(name).path("deploy").path("replicas").asInt(1)).as(name).isEqualTo(1);
			}
		}
	}

	@Test
	void publishesOnlyTheGatewayAndTheRegistrysDashboard() {
		Map<String, List<String>> published = new TreeMap<>();
		for (String name : names(services)) {
			for (JsonNode port : services.path(name).path("ports")) {
				published.computeIfAbsent(name, (key) -> new ArrayList<>())
					.add(port.path("published").asText() + ":" + port.path("target").asText());
			}
		}
		assertThat(published).isEqualTo(Map.of("gateway", List.of("8080:8080"), "registry", List.of("8761:8761")));
	}

	@Test
	void limitsTheMemoryOfEveryService() {
		for (String name : names(services)) {
			JsonNode limit = services.path(name).path("deploy").path("resources").path("limits").path("memory");
			assertThat(limit.isMissingNode()).as("memory limit of " + name).isFalse();
			assertThat(bytes(limit.asText())).as("memory limit of " + name).isBetween(128L << 20, 1L << 30);
		}
	}

	@Test
	void checksTheHealthOfEveryServiceOnItsActuator() {
		for (String name : JAVA_SERVICES) {
			JsonNode healthcheck = services.path(name).path("healthcheck");
			String port = name.equals("registry") ? "8761" : "8080";
			assertThat(healthcheck.path("test").toString()).as(name)
				.contains("http://localhost:" + port + "/actuator/health");
			assertThat(healthcheck.path("interval").asText()).as(name).isNotEmpty();
		}
		assertThat(services.path("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");
	}

	@Test
	void startsEachServiceOnceWhatItNeedsIsHealthy() {
		for (String name : DATABASES.keySet()) {
			assertThat(conditions(name)).as(name)
				.isEqualTo(Map.of("registry", "service_healthy", "postgres", "service_healthy"));
		}
		assertThat(conditions("gateway")).isEqualTo(Map.of("registry", "service_healthy", "order-service",
				"service_healthy", "kitchen-service", "service_healthy", "cashier-service", "service_healthy"));
		assertThat(conditions("registry")).isEmpty();
		assertThat(conditions("postgres")).isEmpty();
	}

	@Test
	void startsTheServicesWithTheLaunchersSettings() {
		List<String> launcherSettings = new ArrayList<>(Launcher.serviceSettings());
		assertThat(launcherSettings).contains("PORT", "INSTANCE_ID", "EUREKA_URL");
		// DATA_DIR is where H2 keeps its files: the services in compose are on
		// PostgreSQL.
		launcherSettings.remove("DATA_DIR");
		for (String name : JAVA_SERVICES) {
			JsonNode environment = services.path(name).path("environment");
			assertThat(environment.path("JAVA_OPTS").asText()).as(name).isEqualTo(Launcher.javaOpts());
			if (!name.equals("registry")) {
				assertThat(names(environment)).as(name).containsAll(launcherSettings);
				assertThat(environment.path("PORT").asText()).isEqualTo("8080");
				assertThat(environment.path("EUREKA_URL").asText()).isEqualTo("http://registry:8761/eureka/");
			}
		}
		assertThat(services.path("registry").path("environment").path("PORT").asText()).isEqualTo("8761");
		assertThat(services.path("order-service").path("environment").path("INSTANCE_ID").asText())
			.isEqualTo("order-1");
		assertThat(services.path("cashier-service").path("environment").path("INSTANCE_ID").asText())
			.isEqualTo("cashier-1");
		assertThat(services.path("gateway").path("environment").path("INSTANCE_ID").asText()).isEqualTo("gateway");
		assertThat(services.path("kitchen-service").path("environment").path("INSTANCE_ID").asText())
			.startsWith("kitchen-")
			.contains("{HOSTNAME}");
	}

	@Test
	void putsEachServiceOnItsOwnPostgresDatabase() {
		DATABASES.forEach((name, prefix) -> {
			JsonNode environment = services.path(name).path("environment");
			assertThat(environment.path("SPRING_PROFILES_ACTIVE").asText()).as(name).isEqualTo("postgres");
			String database = prefix.toLowerCase(Locale.ROOT);
			assertThat(environment.path(prefix + "_DB_URL").asText()).as(name)
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			assertThat(environment.path(prefix + "_DB_PASSWORD").asText()).as(name)
				.isEqualTo(services.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText());
		});
		assertThat(Tools.lines("deploy/postgres/create-databases.sql")).contains("create database orders;",
				"create database kitchen;", "create database cashier;");
	}

	@Test
	void buildsEveryServiceFromTheDockerfile() {
		for (String name : JAVA_SERVICES) {
			JsonNode build = services.path(name).path("build");
			assertThat(build.path("context").asText()).as(name).isEqualTo(Tools.HOME.toString());
			assertThat(build.path("args").path("MODULE").asText()).as(name).isEqualTo(name);
			assertThat(build.path("dockerfile").asText("Dockerfile")).as(name).isEqualTo("Dockerfile");
		}
	}

	private static Map<String, String> conditions(String name) {
		Map<String, String> conditions = new TreeMap<>();
		services.path(name)
			.path("depends_on")
			.properties()
			.forEach((entry) -> conditions.put(entry.getKey(), entry.getValue().path("condition").asText()));
		return conditions;
	}

	private static List<String> names(JsonNode node) {
		return node.properties().stream().map(Map.Entry::getKey).toList();
	}

	/** A size as Compose writes it: bytes, or a number with a unit such as 512M. */
	static long bytes(String size) {
		String value = size.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
		long factor = switch (value.charAt(value.length() - 1)) {
			case 'k' -> 1L << 10;
			case 'm' -> 1L << 20;
			case 'g' -> 1L << 30;
			default -> 1;
		};
		String number = (factor == 1) ? value : value.substring(0, value.length() - 1);
		return (long) (Double.parseDouble(number) * factor);
	}

}
