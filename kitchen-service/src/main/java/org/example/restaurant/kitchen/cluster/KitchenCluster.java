package org.example.restaurant.kitchen.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.example.restaurant.kitchen.cook.KitchenSettings;
import org.example.restaurant.kitchen.ticket.PreparerCount;
import org.example.restaurant.kitchen.ticket.TicketRepository;
import org.example.restaurant.platform.instance.InstanceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The kitchen replicas as this replica sees them: the registry's instances combined with
 * what the shared database says each has cooked.
 * <p>
 * The replicas are the ones the registry lists under {@code kitchen-service}, with the
 * status the registry gives (a Eureka instance's status, else {@code UP}); one listed
 * twice counts once, one without an instance id is named {@code host:port}. Two more
 * kinds are added, so the view adds up to every ticket in the database:
 * <ul>
 * <li>this replica itself, {@code UP}, if the registry does not list it (yet: registering
 * and fetching the registry take a few seconds; or discovery is off), at its registered
 * host and port, else at {@code server.address} and the port it listens on;</li>
 * <li>every other instance id that appears as {@code preparedBy} in the database but not
 * in the registry, with status {@code GONE} and no host or port: a replica that stopped
 * or crashed, or one running without the registry.</li>
 * </ul>
 * Replicas are sorted by instance id. Counts come from the shared database, as at now:
 * {@code READY} tickets are prepared; {@code PREPARING} ones are in progress while held
 * under a live lease (or started by a person, without a lease), and awaiting takeover
 * once the lease has passed (the replica is gone or stuck; another one takes them over at
 * its next claim).
 */
@Component
class KitchenCluster {

	static final String SERVICE_ID = "kitchen-service";

	static final String GONE = "GONE";

	private final ObjectProvider<DiscoveryClient> discovery;

	private final ObjectProvider<Registration> registration;

	private final TicketRepository tickets;

	private final InstanceId instanceId;

	private final Environment environment;

	private final Clock clock;

	private final KitchenSettings settings;

	KitchenCluster(ObjectProvider<DiscoveryClient> discovery, ObjectProvider<Registration> registration,
			TicketRepository tickets, InstanceId instanceId, Environment environment, Clock clock,
			KitchenSettings settings) {
		this.discovery = discovery;
		this.registration = registration;
		this.tickets = tickets;
		this.instanceId = instanceId;
		this.environment = environment;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * The replicas now, and whether this kitchen cooks by itself.
	 */
	Snapshot snapshot() {
		Map<String, PreparerCount> counts = countsByReplica();
		List<Member> replicas = new ArrayList<>();
		Set<String> listed = new TreeSet<>();
		for (ServiceInstance instance : registered()) {
			String id = (instance.getInstanceId() != null) ? instance.getInstanceId()
					: instance.getHost() + ":" + instance.getPort();
			if (listed.add(id)) {
				String status = (instance instanceof EurekaServiceInstance eureka)
						? eureka.getInstanceInfo().getStatus().name() : "UP";
				replicas.add(member(id, instance.getHost(), instance.getPort(), status, counts));
			}
		}
		String self = this.instanceId.value();
		if (listed.add(self)) {
			replicas.add(member(self, selfHost(), selfPort(), "UP", counts));
		}
		for (String id : counts.keySet()) {
			if (listed.add(id)) {
				replicas.add(member(id, null, null, GONE, counts));
			}
		}
		replicas.sort(Comparator.comparing(Member::instanceId));
		return new Snapshot(replicas, this.settings.autoCook());
	}

	private List<ServiceInstance> registered() {
		DiscoveryClient client = this.discovery.getIfAvailable();
		return (client != null) ? client.getInstances(SERVICE_ID) : List.of();
	}

	private Map<String, PreparerCount> countsByReplica() {
		Map<String, PreparerCount> counts = new HashMap<>();
		for (PreparerCount count : this.tickets.countByPreparer(this.clock.instant())) {
			counts.put(count.preparedBy(), count);
		}
		return counts;
	}

	private static Member member(String id, String host, Integer port, String status,
			Map<String, PreparerCount> counts) {
		PreparerCount count = counts.get(id);
		if (count == null) {
			return new Member(id, host, port, status, 0, 0, 0);
		}
		return new Member(id, host, port, status, count.prepared(), count.inProgress(), count.awaitingTakeover());
	}

	private String selfHost() {
		Registration own = this.registration.getIfUnique();
		if (own != null) {
			return own.getHost();
		}
		return this.environment.getProperty("server.address", "localhost");
	}

	private Integer selfPort() {
		Registration own = this.registration.getIfUnique();
		if (own != null) {
			return own.getPort();
		}
		return this.environment.getProperty("local.server.port", Integer.class);
	}

	/**
	 * The kitchen as seen now.
	 *
	 * @param replicas every replica, sorted by instance id
	 * @param autoCook whether this replica's cooks prepare tickets by themselves
	 * ({@code kitchen.auto-cook})
	 */
	record Snapshot(List<Member> replicas, boolean autoCook) {
	}

	/**
	 * One replica of the kitchen.
	 *
	 * @param instanceId its instance id, as in {@code X-Instance-Id} and
	 * {@code preparedBy}
	 * @param host where it listens (null when {@code GONE})
	 * @param port where it listens (null when {@code GONE})
	 * @param status the registry's status, or {@code GONE}
	 * @param prepared tickets it has cooked
	 * @param inProgress tickets it is cooking
	 * @param awaitingTakeover tickets it was cooking whose lease has passed
	 */
	record Member(String instanceId, String host, Integer port, String status, long prepared, long inProgress,
			long awaitingTakeover) {
	}

}
