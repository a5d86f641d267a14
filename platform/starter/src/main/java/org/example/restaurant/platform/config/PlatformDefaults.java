package org.example.restaurant.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration every service used to repeat, once: {@value #LOCATION} in this jar
 * (Eureka timings for a fast failover, the load balancer, Spring Modulith's outbox
 * settings, strict JSON, graceful shutdown, management endpoints, quiet loggers). It is
 * added below everything else, so a service's {@code application.yml}, its profiles,
 * environment variables and command-line arguments all override it; only Spring Boot's
 * {@code defaultProperties} rank lower.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

	/** The defaults' file. */
	public static final String LOCATION = "restaurant-platform-defaults.yml";

	static final String NAME = "restaurant-platform-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(NAME)) {
			return;
		}
		for (PropertySource<?> source : load()) {
			if (sources.contains("defaultProperties")) {
				sources.addBefore("defaultProperties", source);
			}
			else {
				sources.addLast(source);
			}
		}
	}

	private static List<PropertySource<?>> load() {
		try {
			return new YamlPropertySourceLoader().load(NAME, new ClassPathResource(LOCATION));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
