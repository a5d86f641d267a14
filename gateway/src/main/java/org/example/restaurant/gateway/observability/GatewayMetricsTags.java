package org.example.restaurant.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.netflix.appinfo.EurekaInstanceConfig;

/**
 * Tags every series with {@code instance_id}, the id this gateway is registered under in
 * Eureka (docs/observability.md; {@code application} comes from
 * {@code management.metrics.tags.application}).
 * <p>
 * Read from the Eureka instance configuration, which bound it once, rather than from
 * {@code eureka.instance.instance-id}: its default holds {@code ${random.value}}, which
 * resolves to a new value on every lookup. Without Eureka (tests) it is
 * {@code <spring.application.name>:local}, as in {@code X-Instance-Id}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayMetricsTags {

	static final String INSTANCE_ID = "instance_id";

	@Bean
	MeterRegistryCustomizer<MeterRegistry> instanceIdTag(ObjectProvider<EurekaInstanceConfig> eureka,
			@Value("${spring.application.name}") String name) {
		return (registry) -> {
			EurekaInstanceConfig instance = eureka.getIfAvailable();
			String instanceId = (instance != null) ? instance.getInstanceId() : name + ":local";
			registry.config().commonTags(INSTANCE_ID, instanceId);
		};
	}

}
