package org.example.restaurant.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	/**
	 * What Compose reads from the environment and never from the file: test values here,
	 * each recognisable, so that a test can tell where a value came from.
	 */
	static final Map<String, String> SECRETS = Map.of("ORDER_SERVICE_CLIENT_SECRET", "order-secret-from-the-env",
			"KITCHEN_SERVICE_CLIENT_SECRET", "kitchen-secret-from-the-env", "CASHIER_SERVICE_CLIENT_SECRET",
			"cashier-secret-from-the-env", "STAFF_FIRST_MANAGER_PIN", "24680");

	static JsonNode services;

	@BeforeAll
	static void readTheComposeFile() throws Exception {
		services = new YAMLMapper().readTree(Tools.run(config(), environment(null))).path("services");
	}

	private static List<String> config() {
		List<String> command = new ArrayList<>(compose());
		// --env-file: a developer's own .env beside compose.yaml must not stand in for
		// the
		// values given here
		command.addAll(List.of("--file", "compose.yaml", "--env-file", noEnvFile().toString(), "config"));
		return command;
	}

	private static Path noEnvFile() {
		try {
			Path empty = Files.createTempFile("compose-", ".env");
			empty.toFile().deleteOnExit();
			return empty;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The test values of {@link #SECRETS} but one (none left out when {@code null}); the
	 * one left out is removed from the environment, should the developer have it set.
	 */
	private static Map<String, String> environment(String without) {
		Map<String, String> environment = new HashMap<>(SECRETS);
		if (without != null) {
			environment.put(without, null);
		}
		return environment;
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
	void runsTheRegistryTheGatewayTheServicesPostgresAndTheToolsToWatchThem() {
		assertThat(names(services)).containsExactlyInAnyOrder("postgres", "registry", "gateway", "staff-service",
				"order-service", "kitchen-service", "cashier-service", "zipkin", "prometheus", "grafana");
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
	void publishesOnlyTheGatewayTheRegistrysDashboardAndTheToolsToWatchIt() {
		Map<String, List<String>> published = new TreeMap<>();
		for (String name : names(services)) {
			for (JsonNode port : services.path(name).path("ports")) {
				published.computeIfAbsent(name, (key) -> new ArrayList<>())
					.add(port.path("published").asText() + ":" + port.path("target").asText());
			}
		}
		assertThat(published).isEqualTo(Map.of("gateway", List.of("8080:8080"), "registry", List.of("8761:8761"),
				"zipkin", List.of("9411:9411"), "prometheus", List.of("9090:9090"), "grafana", List.of("3000:3000")));
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
		for (String name : Deployed.SERVICES) {
			JsonNode healthcheck = services.path(name).path("healthcheck");
			// the gateway's actuator is on its management port (docs/observability.md)
			String port = switch (name) {
				case "registry" -> "8761";
				case "gateway" -> "9080";
				default -> "8080";
			};
			assertThat(healthcheck.path("test").toString()).as(name)
				.contains("http://localhost:" + port + "/actuator/health");
			assertThat(healthcheck.path("interval").asText()).as(name).isNotEmpty();
		}
		assertThat(services.path("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");
	}

	@Test
	void startsEachServiceOnceWhatItNeedsIsHealthy() {
		for (String name : Deployed.DATABASES.keySet()) {
			assertThat(conditions(name)).as(name)
				.isEqualTo(Map.of("registry", "service_healthy", "postgres", "service_healthy"));
		}
		assertThat(conditions("gateway"))
			.isEqualTo(Map.of("registry", "service_healthy", "staff-service", "service_healthy", "order-service",
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
		for (String name : Deployed.SERVICES) {
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
		assertThat(services.path("staff-service").path("environment").path("INSTANCE_ID").asText())
			.isEqualTo("staff-1");
		assertThat(services.path("kitchen-service").path("environment").path("INSTANCE_ID").asText())
			.startsWith("kitchen-")
			.contains("{HOSTNAME}");
	}

	@Test
	void putsEachServiceOnItsOwnPostgresDatabase() {
		Deployed.DATABASES.forEach((name, prefix) -> {
			JsonNode environment = services.path(name).path("environment");
			assertThat(environment.path("SPRING_PROFILES_ACTIVE").asText()).as(name).isEqualTo("postgres");
			String database = prefix.toLowerCase(Locale.ROOT);
			assertThat(environment.path(prefix + "_DB_URL").asText()).as(name)
				.isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			assertThat(environment.path(prefix + "_DB_PASSWORD").asText()).as(name)
				.isEqualTo(services.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText());
		});
		assertThat(Tools.lines("deploy/postgres/create-databases.sql")).contains("create database orders;",
				"create database kitchen;", "create database cashier;", "create database staff;");
	}

	@Test
	void givesEachServiceItsClientSecretAndTheStaffServiceAllThreeFromTheEnvironment() {
		Deployed.CLIENTS.forEach((name, secret) -> {
			assertThat(services.path(name).path("environment").path("RESTAURANT_SECURITY_CLIENT_SECRET").asText())
				.as(name)
				.isEqualTo(SECRETS.get(secret));
			assertThat(services.path("staff-service").path("environment").path(secret).asText()).as(secret)
				.isEqualTo(SECRETS.get(secret));
		});
		for (String name : List.of("registry", "gateway", "staff-service")) {
			assertThat(names(services.path(name).path("environment"))).as(name)
				.doesNotContain("RESTAURANT_SECURITY_CLIENT_SECRET");
		}
	}

	@Test
	void startsTheStaffServiceWithOneManagerAndNoDemoStaffAndKeepsItsKeysInAVolume() {
		JsonNode environment = services.path("staff-service").path("environment");
		assertThat(environment.path("STAFF_DEMO_STAFF").asText()).isEqualTo("false");
		assertThat(environment.path("STAFF_FIRST_MANAGER_PIN").asText())
			.isEqualTo(SECRETS.get("STAFF_FIRST_MANAGER_PIN"));
		assertThat(environment.path("STAFF_FIRST_MANAGER_NUMBER").asText()).isEqualTo("900");
		String keys = environment.path("STAFF_KEYS_LOCATION").asText();
		assertThat(keys).isNotBlank();
		List<String> volumes = new ArrayList<>();
		for (JsonNode volume : services.path("staff-service").path("volumes")) {
			// the long form (docker compose) or the short one (docker-compose 1.x)
			volumes.add(volume.isTextual() ? volume.asText()
					: volume.path("source").asText() + ":" + volume.path("target").asText());
		}
		assertThat(volumes).anySatisfy((volume) -> assertThat(volume).startsWith("staff-keys:" + keys));
	}

	/**
	 * Without a secret in its environment Compose refuses the file, naming the variable,
	 * rather than starting a service without it.
	 */
	@Test
	void refusesToRunWithoutEachSecretNamingIt() {
		for (String secret : SECRETS.keySet()) {
			Tools.Result result = Tools.execute(config(), true, environment(secret));
			assertThat(result.exitCode()).as(secret + ":\n" + result.output()).isNotZero();
			assertThat(result.output()).as(secret).contains("set " + secret);
		}
	}

	/**
	 * The file holds no secret: each client secret and the PIN is a required variable
	 * ({@code ${NAME:?why}}), never a value or a default.
	 */
	@Test
	void holdsNoSecretValue() {
		List<String> settings = Tools.lines("compose.yaml")
			.stream()
			.map(String::strip)
			.filter((line) -> line.matches("[A-Z_]*(SECRET|PIN)[A-Z_]*:.*"))
			.toList();
		assertThat(settings).hasSize(7);
		assertThat(settings).allSatisfy((line) -> assertThat(line).matches("[A-Z_]+: \\$\\{[A-Z_]+:\\?set [^}]+}"));
		String file = String.join("\n", Tools.lines("compose.yaml"));
		SECRETS.values().forEach((value) -> assertThat(file).doesNotContain(value));
	}

	/**
	 * docs/observability.md: every service and the gateway send their spans to Zipkin;
	 * the gateway's actuator is on its management port, which Prometheus scrapes.
	 */
	@Test
	void sendsEveryServicesSpansToZipkinAndPutsTheGatewaysActuatorOnItsManagementPort() {
		for (String name : Deployed.SERVICES) {
			if (!name.equals("registry")) {
				JsonNode environment = services.path(name).path("environment");
				assertThat(environment.path("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED").asText()).as(name)
					.isEqualTo("true");
				assertThat(environment.path("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT").asText()).as(name)
					.isEqualTo("http://zipkin:9411/api/v2/spans");
			}
		}
		assertThat(services.path("gateway").path("environment").path("MANAGEMENT_PORT").asText()).isEqualTo("9080");
		assertThat(services.path("zipkin").path("image").asText()).startsWith("openzipkin/zipkin:");
		assertThat(services.path("zipkin").path("environment").path("STORAGE_TYPE").asText()).isEqualTo("mem");
	}

	/**
	 * Prometheus reads deploy/prometheus/prometheus.yml; Grafana its provisioning (the
	 * datasource, the dashboard provider) and the dashboard, where the provider looks.
	 */
	@Test
	void givesPrometheusAndGrafanaTheirFilesFromTheRepository() throws Exception {
		JsonNode prometheus = services.path("prometheus");
		assertThat(prometheus.path("image").asText()).startsWith("prom/prometheus:");
		assertThat(mounts("prometheus")).containsEntry("/etc/prometheus/prometheus.yml",
				Tools.HOME.resolve("deploy/prometheus/prometheus.yml").toString());
		assertThat(prometheus.path("command").toString()).contains("--config.file=/etc/prometheus/prometheus.yml");
		assertThat(services.path("grafana").path("image").asText()).startsWith("grafana/grafana:");
		Map<String, String> grafana = mounts("grafana");
		assertThat(grafana).containsEntry("/etc/grafana/provisioning",
				Tools.HOME.resolve("deploy/grafana/provisioning").toString());
		JsonNode provider = new YAMLMapper()
			.readTree(Tools.HOME.resolve("deploy/grafana/provisioning/dashboards/restaurant.yml").toFile())
			.path("providers")
			.path(0);
		assertThat(grafana).containsEntry(provider.path("options").path("path").asText(),
				Tools.HOME.resolve("deploy/grafana/dashboards").toString());
		assertThat(Files.exists(Tools.HOME.resolve("deploy/grafana/dashboards/restaurant.json"))).isTrue();
	}

	/** Where a service's volumes are mounted: target -> source. */
	private static Map<String, String> mounts(String name) {
		Map<String, String> mounts = new TreeMap<>();
		for (JsonNode volume : services.path(name).path("volumes")) {
			if (volume.isTextual()) { // docker-compose 1.x: source:target[:mode]
				String[] parts = volume.asText().split(":");
				mounts.put(parts[1], parts[0]);
			}
			else {
				mounts.put(volume.path("target").asText(), volume.path("source").asText());
			}
		}
		return mounts;
	}

	@Test
	void buildsEveryServiceFromTheDockerfile() {
		for (String name : Deployed.SERVICES) {
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
