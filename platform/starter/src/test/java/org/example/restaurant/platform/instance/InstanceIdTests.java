package org.example.restaurant.platform.instance;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdTests {

	final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	final MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
			"kitchen-service");

	@Test
	void isTheIdThisReplicaIsRegisteredUnder() {
		this.beans.addBean("registration", new TestRegistration("kitchen-service:kitchen-2"));
		this.environment.setProperty("INSTANCE_ID", "ignored");

		assertThat(instanceId().value()).isEqualTo("kitchen-service:kitchen-2");
	}

	@Test
	void isTheConfiguredInstanceIdWhenNotRegistered() {
		this.environment.setProperty("INSTANCE_ID", "kitchen-service:kitchen-3");

		assertThat(instanceId().value()).isEqualTo("kitchen-service:kitchen-3");
	}

	@Test
	void isTheServiceNameMarkedLocalWithoutRegistryOrSetting() {
		assertThat(instanceId().value()).isEqualTo("kitchen-service:local");
	}

	@Test
	void staysTheSameOnEveryLookup() {
		InstanceId instanceId = instanceId();
		String first = instanceId.value();
		this.environment.setProperty("INSTANCE_ID", "changed");

		assertThat(instanceId.value()).isEqualTo(first);
	}

	private InstanceId instanceId() {
		return new InstanceId(this.beans.getBeanProvider(Registration.class), this.environment);
	}

	static class TestRegistration extends DefaultServiceInstance implements Registration {

		TestRegistration(String instanceId) {
			super(instanceId, "kitchen-service", "localhost", 8081, false);
		}

	}

}
