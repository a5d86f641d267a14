package org.example.restaurant.kitchen.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes a replica that is stopping out of rotation before anything else stops, so that
 * clients stop sending it work at once. Deregistering through the {@link ServiceRegistry}
 * marks the Eureka instance DOWN, which every client leaves out from its next registry
 * fetch; the registration itself is cancelled at the very end of the shutdown. Left to
 * itself, that happens last (its lifecycle phase is 0), after the cooks have handed their
 * tickets back and the web server has finished its requests: seconds in which the gateway
 * would still route requests to a replica that is going away.
 */
@Component
class LeaveRegistryFirst implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LeaveRegistryFirst.class);

	private final ObjectProvider<ServiceRegistry<Registration>> registry;

	private final ObjectProvider<Registration> registration;

	private volatile boolean running;

	LeaveRegistryFirst(ObjectProvider<ServiceRegistry<Registration>> registry,
			ObjectProvider<Registration> registration) {
		this.registry = registry;
		this.registration = registration;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		ServiceRegistry<Registration> serviceRegistry = this.registry.getIfAvailable();
		Registration current = this.registration.getIfAvailable();
		if (serviceRegistry != null && current != null) {
			serviceRegistry.deregister(current);
			log.info("{} stopping: marked DOWN in the registry, no new work comes to this replica",
					current.getInstanceId());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops first: the highest phase stops first; the cooks stop in the next phase. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
