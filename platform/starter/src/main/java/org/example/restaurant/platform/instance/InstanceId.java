package org.example.restaurant.platform.instance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The id of this replica: the one it is registered under in Eureka. It goes into the
 * {@code X-Instance-Id} header and into {@code preparedBy} of the tickets this replica
 * cooks.
 * <p>
 * Read from the {@link Registration} rather than from
 * {@code eureka.instance.instance-id}, whose default contains {@code ${random.value}} and
 * would resolve to a new value on every lookup. Without a registration (discovery off) it
 * is the {@code INSTANCE_ID} setting if given, so replicas started without a registry
 * still tell themselves apart, else {@code <spring.application.name>:local}.
 */
public class InstanceId {

	private final ObjectProvider<Registration> registration;

	private final Environment environment;

	private volatile String value;

	public InstanceId(ObjectProvider<Registration> registration, Environment environment) {
		this.registration = registration;
		this.environment = environment;
	}

	public String value() {
		String resolved = this.value;
		if (resolved == null) {
			resolved = resolve();
			this.value = resolved;
		}
		return resolved;
	}

	private String resolve() {
		Registration own = this.registration.getIfUnique();
		if (own != null && StringUtils.hasText(own.getInstanceId())) {
			return own.getInstanceId();
		}
		String configured = this.environment.getProperty("INSTANCE_ID");
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		return this.environment.getProperty("spring.application.name", "kitchen-service") + ":local";
	}

	@Override
	public String toString() {
		return value();
	}

}
