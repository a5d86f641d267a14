package org.example.restaurant.kitchen.cluster;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class LeaveRegistryFirstTests {

	@Test
	@SuppressWarnings("unchecked")
	void leavesTheRegistryWhenTheReplicaStartsToStop() {
		ServiceRegistry<Registration> registry = mock(ServiceRegistry.class);
		Registration registration = mock(Registration.class);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("registry", registry);
		beans.addBean("registration", registration);
		LeaveRegistryFirst lifecycle = lifecycle(beans);
		lifecycle.start();

		lifecycle.stop();

		then(registry).should().deregister(registration);
		assertThat(lifecycle.isRunning()).isFalse();
	}

	@Test
	void stopsBeforeEveryOtherLifecycleOfTheReplica() {
		assertThat(lifecycle(new StaticListableBeanFactory()).getPhase())
			.isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 1);
	}

	@Test
	void doesNothingWithoutARegistry() {
		LeaveRegistryFirst lifecycle = lifecycle(new StaticListableBeanFactory());
		lifecycle.start();

		lifecycle.stop();

		assertThat(lifecycle.isRunning()).isFalse();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static LeaveRegistryFirst lifecycle(StaticListableBeanFactory beans) {
		ObjectProvider registry = beans.getBeanProvider(ServiceRegistry.class);
		return new LeaveRegistryFirst(registry, beans.getBeanProvider(Registration.class));
	}

}
