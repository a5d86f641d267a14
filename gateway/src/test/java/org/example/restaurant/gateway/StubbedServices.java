package org.example.restaurant.gateway;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Lists the services behind a {@link GatewayTest}'s gateway for its load balancer (Spring
 * Cloud's simple discovery client), as {@code @GatewayTest} describes: the test class's
 * static {@link RecordingStub} and {@link ServiceStubs} fields, its dead services and the
 * staff-service's keys. Found by the fields' values, the way Spring Boot finds a test's
 * {@code @ServiceConnection} containers, so that no test writes the list out again.
 */
final class StubbedServices implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		GatewayTest gatewayTest = TestContextAnnotationUtils.findMergedAnnotation(testClass, GatewayTest.class);
		if (gatewayTest == null) {
			return null;
		}
		List<RecordingStub> stubs = Arrays.stream(testClass.getDeclaredFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()))
			.flatMap((field) -> stubs(field).stream())
			.toList();
		return new Instances(List.of(gatewayTest.dead()), stubs);
	}

	private static List<RecordingStub> stubs(Field field) {
		if (field.getType() != RecordingStub.class && field.getType() != ServiceStubs.class) {
			return List.of();
		}
		ReflectionUtils.makeAccessible(field);
		Object value = ReflectionUtils.getField(field, null);
		return (value instanceof ServiceStubs services) ? services.all() : List.of((RecordingStub) value);
	}

	/**
	 * The instances of one test class's services; equal for equal stubs, so that Spring
	 * caches a gateway for each set of them.
	 */
	record Instances(List<String> dead, List<RecordingStub> stubs) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, List<String>> uris = new LinkedHashMap<>();
			for (String service : this.dead) {
				uris.computeIfAbsent(service, (name) -> new ArrayList<>()).add(StubServices.deadInstance());
			}
			for (RecordingStub stub : this.stubs) {
				for (String service : stub.services()) {
					uris.computeIfAbsent(service, (name) -> new ArrayList<>()).add(stub.uri());
				}
			}
			uris.putIfAbsent("staff-service", List.of(StubServices.keys()));
			Map<String, Object> properties = new LinkedHashMap<>();
			uris.forEach((service, instances) -> {
				for (int i = 0; i < instances.size(); i++) {
					properties.put(StubServices.instanceProperty(service, i), instances.get(i));
				}
			});
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("stubbedServices", properties));
		}

	}

}
