package org.example.restaurant.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests ({@code deploy/k8s}), rendered as the cluster would get them
 * ({@code kubectl kustomize}, which needs no cluster) and read into fabric8's typed
 * Kubernetes model: an unknown kind or a misspelt field fails here, not at deploy time.
 */
class KubernetesManifestsTests {

	/** Zipkin, Prometheus and Grafana (docs/observability.md). */
	static final List<String> TOOLS = List.of("zipkin", "prometheus", "grafana");

	static final YAMLMapper yaml = new YAMLMapper();

	static List<HasMetadata> objects;

	@BeforeAll
	static void render() throws Exception {
		Path kubectl = Tools.find("kubectl").orElseThrow(() -> Tools.missing("kubectl"));
		objects = parse(Tools.run(List.of(kubectl.toString(), "kustomize", "deploy/k8s")));
	}

	@Test
	void everyFileListedByTheKustomizationIsKnownToKubernetesWithoutAMisspeltField() throws Exception {
		JsonNode kustomization = yaml.readTree(Tools.HOME.resolve("deploy/k8s/kustomization.yaml").toFile());
		List<String> files = new ArrayList<>();
		kustomization.path("resources").forEach((file) -> files.add(file.asText()));
		try (var all = Files.list(Tools.HOME.resolve("deploy/k8s"))) {
			assertThat(files).as("every manifest is deployed")
				.containsExactlyInAnyOrderElementsOf(all.map((path) -> path.getFileName().toString())
					.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
					.toList());
		}
		for (String file : files) {
			assertThat(parse(Files.readString(Tools.HOME.resolve("deploy/k8s").resolve(file)))).as(file).isNotEmpty();
		}
	}

	@Test
	void rendersADeploymentAndAServiceForEachPartPostgresAndTheToolsToWatchThem() {
		List<String> deployments = new ArrayList<>(Deployed.SERVICES);
		deployments.addAll(TOOLS);
		assertThat(names(Deployment.class)).containsExactlyInAnyOrderElementsOf(deployments);
		assertThat(names(Service.class)).containsExactlyInAnyOrder("registry", "gateway", "staff-service",
				"order-service", "kitchen-service", "cashier-service", "postgres", "zipkin", "prometheus", "grafana");
		assertThat(names(StatefulSet.class)).containsExactly("postgres");
		assertThat(objects).allSatisfy((object) -> {
			if (!object.getKind().equals("Namespace")) {
				assertThat(object.getMetadata().getNamespace()).as(object.getFullResourceName())
					.isEqualTo("restaurant");
			}
		});
	}

	@Test
	void everyServiceSelectsThePodsOfItsPartAndPointsAtANamedPort() {
		for (Service service : all(Service.class)) {
			String name = service.getMetadata().getName();
			Map<String, String> podLabels = name.equals("postgres")
					? one(StatefulSet.class, name).getSpec().getTemplate().getMetadata().getLabels()
					: one(Deployment.class, name).getSpec().getTemplate().getMetadata().getLabels();
			assertThat(podLabels).as(name).containsAllEntriesOf(service.getSpec().getSelector());
			PodSpec pod = name.equals("postgres") ? one(StatefulSet.class, name).getSpec().getTemplate().getSpec()
					: pod(name);
			List<String> containerPorts = pod.getContainers()
				.stream()
				.flatMap((container) -> container.getPorts().stream())
				.map((port) -> port.getName())
				.toList();
			service.getSpec()
				.getPorts()
				.forEach((port) -> assertThat(containerPorts).as(name).contains(port.getTargetPort().getStrVal()));
		}
	}

	@Test
	void runsThreeKitchenReplicas() {
		assertThat(one(Deployment.class, "kitchen-service").getSpec().getReplicas()).isEqualTo(3);
		assertThat(one(Deployment.class, "registry").getSpec().getReplicas()).isEqualTo(1);
	}

	@Test
	void probesEveryPartOnItsActuatorHealth() {
		for (String part : Deployed.SERVICES) {
			Container container = container(part);
			assertThat(path(container.getReadinessProbe())).as(part).isEqualTo("/actuator/health/readiness");
			assertThat(path(container.getLivenessProbe())).as(part).isEqualTo("/actuator/health/liveness");
			assertThat(path(container.getStartupProbe())).as(part).startsWith("/actuator/health");
			// the gateway's actuator is on its management port (docs/observability.md)
			assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).as(part)
				.isEqualTo(part.equals("gateway") ? "management" : "http");
		}
		assertThat(env(configMap("restaurant"), "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).isEqualTo("true");
	}

	@Test
	void givesEveryContainerResourceRequestsAndAMemoryLimit() {
		List<Container> containers = new ArrayList<>();
		Deployed.SERVICES.forEach((part) -> containers.add(container(part)));
		TOOLS.forEach((tool) -> containers.addAll(pod(tool).getContainers()));
		containers.addAll(one(StatefulSet.class, "postgres").getSpec().getTemplate().getSpec().getContainers());
		for (Container container : containers) {
			Map<String, Quantity> requests = container.getResources().getRequests();
			Map<String, Quantity> limits = container.getResources().getLimits();
			assertThat(requests).as(container.getName()).containsKeys("cpu", "memory");
			assertThat(limits).as(container.getName()).containsKey("memory");
			assertThat(Quantity.getAmountInBytes(limits.get("memory")))
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
		}
	}

	@Test
	void configuresThePartsByTheirEnvironment() {
		ConfigMap config = configMap("restaurant");
		assertThat(config.getData()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
			.containsEntry("EUREKA_URL", "http://registry:8761/eureka/");
		for (String part : Deployed.SERVICES) {
			Container container = container(part);
			assertThat(container.getEnvFrom()).as(part)
				.anySatisfy((source) -> assertThat(source.getConfigMapRef().getName()).isEqualTo("restaurant"));
			EnvVar instanceId = envVar(container, "INSTANCE_ID");
			assertThat(instanceId.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
		}
		Deployed.DATABASES.forEach((part, prefix) -> {
			String database = prefix.toLowerCase(Locale.ROOT);
			assertThat(env(config, prefix + "_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
			EnvVar password = envVar(container(part), prefix + "_DB_PASSWORD");
			assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("postgres");
			assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
		});
		assertThat(configMap("postgres-init").getData().get("create-databases.sql")).contains("create database orders;",
				"create database kitchen;", "create database cashier;", "create database staff;");
	}

	@Test
	void givesEachServiceItsClientSecretAndTheStaffServiceAllThreeFromTheSecret() {
		Deployed.CLIENTS.forEach((part, secret) -> {
			assertSecret(envVar(container(part), "RESTAURANT_SECURITY_CLIENT_SECRET"), "client-secrets", part);
			assertSecret(envVar(container("staff-service"), secret), "client-secrets", part);
		});
		for (String part : List.of("registry", "gateway", "staff-service")) {
			assertThat(container(part).getEnv()).as(part)
				.noneMatch((variable) -> variable.getName().equals("RESTAURANT_SECURITY_CLIENT_SECRET"));
		}
	}

	@Test
	void startsTheStaffServiceWithOneManagerAndNoDemoStaff() {
		Container staff = container("staff-service");
		assertThat(envVar(staff, "STAFF_DEMO_STAFF").getValue()).isEqualTo("false");
		assertThat(envVar(staff, "STAFF_FIRST_MANAGER_NUMBER").getValue()).isEqualTo("900");
		assertSecret(envVar(staff, "STAFF_FIRST_MANAGER_PIN"), "first-manager", "pin");
		assertThat(one(Deployment.class, "staff-service").getSpec().getReplicas()).isEqualTo(1);
	}

	/**
	 * The signing keys are made by the service on its first start, on a volume of their
	 * own that outlives the pod; one pod at a time uses it (a second would make keys of
	 * its own), so a new release replaces the old pod rather than rolling.
	 */
	@Test
	void keepsTheStaffServicesSigningKeysOnAPersistentVolume() {
		Container staff = container("staff-service");
		String keys = envVar(staff, "STAFF_KEYS_LOCATION").getValue();
		String volume = staff.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getMountPath().equals(keys))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing is mounted at STAFF_KEYS_LOCATION " + keys))
			.getName();
		PodSpec pod = pod("staff-service");
		String claim = pod.getVolumes()
			.stream()
			.filter((candidate) -> candidate.getName().equals(volume))
			.findFirst()
			.orElseThrow()
			.getPersistentVolumeClaim()
			.getClaimName();
		assertThat(one(PersistentVolumeClaim.class, claim).getSpec().getAccessModes()).contains("ReadWriteOnce");
		assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
		assertThat(one(Deployment.class, "staff-service").getSpec().getStrategy().getType()).isEqualTo("Recreate");
	}

	/**
	 * No secret is in the repository: every Secret is made by hand before the first
	 * deployment (README.md, "Kubernetes"), so none is rendered, and every variable that
	 * carries a password, a client secret or a PIN takes it from a Secret.
	 */
	@Test
	void holdsNoSecretValue() {
		assertThat(all(Secret.class)).isEmpty();
		for (String part : Deployed.SERVICES) {
			for (EnvVar variable : container(part).getEnv()) {
				if (variable.getName().matches(".*(SECRET|PIN|PASSWORD).*")) {
					assertThat(variable.getValue()).as(part + " " + variable.getName()).isNull();
					assertThat(variable.getValueFrom().getSecretKeyRef()).as(part + " " + variable.getName())
						.isNotNull();
				}
			}
		}
		for (ConfigMap config : all(ConfigMap.class)) {
			assertThat(config.getData().keySet()).as(config.getMetadata().getName())
				.noneMatch((key) -> key.matches(".*(SECRET|PIN|PASSWORD).*"));
		}
	}

	/**
	 * docs/observability.md: every part sends its spans to Zipkin; the gateway's actuator
	 * is on its management port, which it publishes in the registry for Prometheus.
	 */
	@Test
	void sendsEveryPartsSpansToZipkinAndPutsTheGatewaysActuatorOnItsManagementPort() {
		assertThat(configMap("restaurant").getData()).containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans");
		Container gateway = container("gateway");
		assertThat(envVar(gateway, "MANAGEMENT_PORT").getValue()).isEqualTo("9080");
		assertThat(gateway.getPorts()).anySatisfy((port) -> {
			assertThat(port.getName()).isEqualTo("management");
			assertThat(port.getContainerPort()).isEqualTo(9080);
		});
		assertThat(one(Service.class, "zipkin").getSpec().getPorts().get(0).getPort()).isEqualTo(9411);
	}

	/**
	 * Prometheus' configuration and Grafana's provisioning and dashboard are ConfigMaps
	 * holding the very files the compose demo mounts (kustomize reads no file outside
	 * deploy/k8s), mounted where each program looks.
	 */
	@Test
	void givesPrometheusAndGrafanaTheComposeDemosFilesInConfigMaps() throws Exception {
		assertThat(env(configMap("prometheus"), "prometheus.yml")).isEqualTo(file("deploy/prometheus/prometheus.yml"));
		ConfigMap provisioning = configMap("grafana-provisioning");
		assertThat(env(provisioning, "datasources.yml"))
			.isEqualTo(file("deploy/grafana/provisioning/datasources/prometheus.yml"));
		assertThat(env(provisioning, "dashboards.yml"))
			.isEqualTo(file("deploy/grafana/provisioning/dashboards/restaurant.yml"));
		assertThat(env(configMap("grafana-dashboards"), "restaurant.json"))
			.isEqualTo(file("deploy/grafana/dashboards/restaurant.json"));

		assertThat(mountPath("prometheus", "prometheus")).isEqualTo("/etc/prometheus");
		assertThat(
				one(Deployment.class, "prometheus").getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
			.contains("--config.file=/etc/prometheus/prometheus.yml");
		assertThat(mountPath("grafana", "grafana-provisioning")).isEqualTo("/etc/grafana/provisioning");
		String provider = yaml.readTree(env(provisioning, "dashboards.yml"))
			.path("providers")
			.path(0)
			.path("options")
			.path("path")
			.asText();
		assertThat(mountPath("grafana", "grafana-dashboards")).isEqualTo(provider);
	}

	/** Where a tool's pod mounts a ConfigMap. */
	private static String mountPath(String tool, String configMap) {
		PodSpec pod = pod(tool);
		String volume = pod.getVolumes()
			.stream()
			.filter((candidate) -> candidate.getConfigMap() != null
					&& candidate.getConfigMap().getName().equals(configMap))
			.findFirst()
			.orElseThrow(() -> new AssertionError(tool + " mounts no ConfigMap " + configMap))
			.getName();
		return pod.getContainers()
			.get(0)
			.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getName().equals(volume))
			.findFirst()
			.orElseThrow()
			.getMountPath();
	}

	private static String file(String path) throws Exception {
		return Files.readString(Tools.HOME.resolve(path));
	}

	private static void assertSecret(EnvVar variable, String secret, String key) {
		assertThat(variable.getValue()).as(variable.getName()).isNull();
		assertThat(variable.getValueFrom().getSecretKeyRef().getName()).as(variable.getName()).isEqualTo(secret);
		assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).as(variable.getName()).isEqualTo(key);
	}

	@Test
	void runsEveryPartAsAUserThatIsNotRoot() {
		for (String part : Deployed.SERVICES) {
			assertThat(pod(part).getSecurityContext().getRunAsNonRoot()).as(part).isTrue();
			assertThat(container(part).getSecurityContext().getAllowPrivilegeEscalation()).as(part).isFalse();
		}
	}

	/**
	 * Reads a stream of YAML documents into typed objects, failing on a kind fabric8 does
	 * not know and on any field its model does not have (fabric8 keeps those aside as
	 * "additional properties" instead of refusing them).
	 */
	static List<HasMetadata> parse(String documents) throws Exception {
		List<HasMetadata> parsed = new ArrayList<>();
		try (var parser = yaml.createParser(documents)) {
			for (var it = yaml.readValues(parser, HasMetadata.class); it.hasNext();) {
				HasMetadata object = it.next();
				if (object == null) {
					continue;
				}
				assertThat(object).as("a kind Kubernetes knows").isNotInstanceOf(GenericKubernetesResource.class);
				List<String> unknown = new ArrayList<>();
				collectUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
				assertThat(unknown).as("fields the Kubernetes model does not have").isEmpty();
				parsed.add(object);
			}
		}
		return parsed;
	}

	private static void collectUnknownFields(Object node, String path, List<String> unknown) throws Exception {
		if (node instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				collectUnknownFields(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
			}
			return;
		}
		if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(node);
			}
			catch (InvocationTargetException ex) {
				continue; // a derived value that this object cannot compute (e.g. a
							// quantity's number)
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else {
				String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
				collectUnknownFields(value, path + "." + property, unknown);
			}
		}
	}

	private static String path(Probe probe) {
		assertThat(probe).isNotNull();
		return probe.getHttpGet().getPath();
	}

	private static <T extends HasMetadata> List<T> all(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T one(Class<T> type, String name) {
		List<T> found = all(type).stream().filter(named(name)).toList();
		assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
		return found.get(0);
	}

	private static Predicate<HasMetadata> named(String name) {
		return (object) -> object.getMetadata().getName().equals(name);
	}

	private static List<String> names(Class<? extends HasMetadata> type) {
		return all(type).stream().map((object) -> object.getMetadata().getName()).toList();
	}

	private static PodSpec pod(String part) {
		return one(Deployment.class, part).getSpec().getTemplate().getSpec();
	}

	private static Container container(String part) {
		List<Container> containers = pod(part).getContainers();
		assertThat(containers).as(part).hasSize(1);
		Container container = containers.get(0);
		assertThat(container.getImage()).as(part).startsWith("restaurant/" + part + ":");
		return container;
	}

	private static ConfigMap configMap(String name) {
		return one(ConfigMap.class, name);
	}

	private static String env(ConfigMap config, String name) {
		return config.getData().get(name);
	}

	private static EnvVar envVar(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> Objects.equals(variable.getName(), name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
	}

}
