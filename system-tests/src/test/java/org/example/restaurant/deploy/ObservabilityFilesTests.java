package org.example.restaurant.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files that watch the restaurant (docs/observability.md): the Grafana dashboard
 * names only metrics of the contract (or Spring's and the JVM's own) on the provisioned
 * datasource, and both Prometheus configurations, the compose and Kubernetes one and the
 * one the launcher writes for {@code --observe}, pass {@code promtool check config}.
 */
class ObservabilityFilesTests {

	static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/restaurant.json");

	static final Path DATASOURCES = Path.of("deploy/grafana/provisioning/datasources/prometheus.yml");

	/** Spring's and the JVM's own metrics a dashboard may use besides the contract's. */
	static final Set<String> KNOWN_METRICS = Set.of("http_server_requests_seconds",
			"spring_cloud_gateway_requests_seconds", "jvm_memory_used_bytes", "jvm_threads_live_threads",
			"process_cpu_usage", "up");

	/** The suffixes Prometheus gives a counter, a timer's histogram and its summary. */
	static final Pattern SUFFIX = Pattern.compile("_(total|bucket|count|sum|max)$");

	/** What a PromQL expression names that is no metric: its functions' words. */
	static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset");

	@Test
	void theDashboardHasOnePanelForEachFigureOfTheContract() throws Exception {
		Map<String, String> panels = panels();
		assertThat(panels).containsOnlyKeys("Orders per minute", "Ticket wait and cook times",
				"Tickets cooked per minute, per replica", "Payments per minute, by method",
				"Takings per hour, by method", "Outbox backlog", "Gateway latency per route",
				"Server errors (5xx) per second");
		assertThat(panels.get("Orders per minute")).contains("rate(restaurant_orders_placed_total[");
		assertThat(panels.get("Ticket wait and cook times"))
			.contains("histogram_quantile(0.95, sum by (le) (rate(restaurant_ticket_wait_seconds_bucket[")
			.contains("histogram_quantile(0.95, sum by (le) (rate(restaurant_ticket_cook_seconds_bucket[");
		assertThat(panels.get("Tickets cooked per minute, per replica"))
			.contains("sum by (replica) (rate(restaurant_tickets_cooked_total[");
		assertThat(panels.get("Payments per minute, by method"))
			.contains("sum by (method) (rate(restaurant_payments_total[");
		assertThat(panels.get("Takings per hour, by method"))
			.contains("sum by (method) (rate(restaurant_payments_amount_total[");
		assertThat(panels.get("Outbox backlog")).contains("sum by (application) (restaurant_outbox_pending)")
			.contains("sum by (application) (restaurant_outbox_stuck)");
		assertThat(panels.get("Gateway latency per route"))
			.contains("sum by (routeId) (rate(spring_cloud_gateway_requests_seconds_sum[")
			.contains("sum by (routeId) (rate(spring_cloud_gateway_requests_seconds_count[");
		assertThat(panels.get("Server errors (5xx) per second"))
			.contains("sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\"}[");
	}

	@Test
	void everyExpressionOfTheDashboardNamesOnlyMetricsOfTheContractOrSpringsOwn() throws Exception {
		Set<String> contract = contractMetrics();
		assertThat(contract).as("the Prometheus names of docs/observability.md")
			.contains("restaurant_orders_placed_total", "restaurant_ticket_wait_seconds", "restaurant_outbox_stuck");
		Set<String> allowed = new LinkedHashSet<>(KNOWN_METRICS);
		contract.forEach((name) -> allowed.add(SUFFIX.matcher(name).replaceFirst("")));
		panels().forEach((title, expressions) -> {
			List<String> named = metricsOf(expressions);
			assertThat(named).as(title + ": " + expressions).isNotEmpty();
			assertThat(named).as(title + ": " + expressions)
				.allSatisfy((name) -> assertThat(SUFFIX.matcher(name).replaceFirst("")).isIn(allowed));
		});
	}

	/** The reader of the metric names is itself checked, lest it find nothing. */
	@Test
	void readsTheMetricsAnExpressionNames() {
		assertThat(metricsOf("histogram_quantile(0.95, sum by (le) (rate(restaurant_ticket_wait_seconds_bucket"
				+ "[$__rate_interval]))) / sum by (routeId) (rate(http_server_requests_seconds_count"
				+ "{status=~\"5..\", uri!=\"/x\"}[5m])) * 60"))
			.containsExactly("restaurant_ticket_wait_seconds_bucket", "http_server_requests_seconds_count");
	}

	@Test
	void everyPanelQueriesTheProvisionedDatasource() throws Exception {
		JsonNode datasource = new YAMLMapper().readTree(Tools.HOME.resolve(DATASOURCES).toFile()).path("datasources");
		assertThat(datasource).hasSize(1);
		String uid = datasource.path(0).path("uid").asText();
		assertThat(uid).isNotBlank();
		assertThat(datasource.path(0).path("type").asText()).isEqualTo("prometheus");
		assertThat(datasource.path(0).path("url").asText()).isEqualTo("http://prometheus:9090");
		for (JsonNode panel : dashboard().path("panels")) {
			String title = panel.path("title").asText();
			assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
			assertThat(panel.path("targets")).as(title).isNotEmpty();
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.path("datasource").path("uid").asText(uid)).as(title).isEqualTo(uid);
			}
		}
	}

	@Test
	void theComposeAndKubernetesPrometheusConfigurationPassesPromtool() {
		assertThat(promtool("deploy/prometheus/prometheus.yml")).contains("SUCCESS");
	}

	/**
	 * {@code ./restaurant prometheus-config FILE} writes what {@code up --observe} gives
	 * Prometheus, without starting anything: discovery at the registry on its port.
	 */
	@Test
	void theLaunchersPrometheusConfigurationPassesPromtool(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("prometheus.yml");
		Tools.run(List.of("./restaurant", "prometheus-config", file.toString()),
				Map.of("REGISTRY_PORT", "18761", "RESTAURANT_RUN_DIR", dir.resolve("run").toString()));
		assertThat(promtool(file.toString())).contains("SUCCESS");

		JsonNode restaurant = new YAMLMapper().readTree(file.toFile()).path("scrape_configs").path(0);
		assertThat(restaurant.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
		assertThat(restaurant.path("eureka_sd_configs").path(0).path("server").asText())
			.isEqualTo("http://localhost:18761/eureka");
		assertThat(restaurant.path("relabel_configs").toString())
			.contains("__meta_eureka_app_instance_metadata_management_port");
		assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
	}

	/** {@code promtool check config FILE}; fails under CI without promtool. */
	private static String promtool(String file) {
		Path promtool = Tools.find("promtool").orElseThrow(() -> Tools.missing("promtool (Debian's prometheus)"));
		return Tools.execute(List.of(promtool.toString(), "check", "config", file), true)
			.orFail(List.of("promtool", "check", "config", file))
			.output();
	}

	private static JsonNode dashboard() throws Exception {
		return new ObjectMapper().readTree(Tools.HOME.resolve(DASHBOARD).toFile());
	}

	/** Each panel's title and its expressions, joined. */
	private static Map<String, String> panels() throws Exception {
		Map<String, String> panels = new TreeMap<>();
		for (JsonNode panel : dashboard().path("panels")) {
			List<String> expressions = new ArrayList<>();
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asText()));
			assertThat(panels.put(panel.path("title").asText(), String.join("\n", expressions)))
				.as("one panel per title")
				.isNull();
		}
		return panels;
	}

	/**
	 * The metric names of a PromQL expression: what is left once strings, label matchers,
	 * ranges, grouping clauses, functions and numbers are taken out.
	 */
	static List<String> metricsOf(String expression) {
		String bare = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		List<String> names = new ArrayList<>();
		Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
		while (identifier.find()) {
			String word = identifier.group();
			if (!word.endsWith("(") && !PROMQL_WORDS.contains(word)) {
				names.add(word);
			}
		}
		return names;
	}

	/** The Prometheus names in the table of docs/observability.md, "Metrics". */
	private static Set<String> contractMetrics() throws Exception {
		Set<String> names = new LinkedHashSet<>();
		Pattern row = Pattern.compile("^\\| `restaurant\\.[^`]+` \\| `([a-z_]+)`");
		for (String line : Files.readAllLines(Tools.HOME.resolve("docs/observability.md"))) {
			Matcher matcher = row.matcher(line);
			if (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

}
