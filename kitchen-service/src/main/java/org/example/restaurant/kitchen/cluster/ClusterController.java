package org.example.restaurant.kitchen.cluster;

import java.util.List;

import org.example.restaurant.platform.security.AnyStaff;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kitchen/cluster}: the kitchen replicas and what each has cooked, as
 * {@link KitchenCluster} assembles them from the registry and the shared database.
 */
@RestController
class ClusterController {

	private final KitchenCluster cluster;

	ClusterController(KitchenCluster cluster) {
		this.cluster = cluster;
	}

	@AnyStaff
	@GetMapping("/api/kitchen/cluster")
	ClusterResponse cluster() {
		return ClusterResponse.of(this.cluster.snapshot());
	}

	/**
	 * The body of {@code GET /api/kitchen/cluster}.
	 *
	 * @param replicas the replicas, sorted by instance id
	 * @param autoCook whether the answering replica's cooks prepare tickets by themselves
	 * ({@code kitchen.auto-cook}); when false, people start and finish them, and a
	 * kitchen display shows its Start and Ready buttons
	 */
	record ClusterResponse(List<Replica> replicas, boolean autoCook) {

		static ClusterResponse of(KitchenCluster.Snapshot snapshot) {
			return new ClusterResponse(snapshot.replicas().stream().map(Replica::of).toList(), snapshot.autoCook());
		}

	}

	/**
	 * One replica of the kitchen.
	 *
	 * @param instanceId its instance id, as in {@code X-Instance-Id} and
	 * {@code preparedBy}
	 * @param host where it listens (null when {@code GONE})
	 * @param port where it listens (null when {@code GONE})
	 * @param status the registry's status, or {@code GONE}
	 * @param ticketsPrepared tickets it has cooked ({@code READY})
	 * @param ticketsInProgress tickets it is cooking ({@code PREPARING} under a live
	 * lease, or started there by a person)
	 * @param ticketsAwaitingTakeover tickets it was cooking whose lease has passed
	 * ({@code PREPARING}, lease expired), soon to be taken over by another replica
	 */
	record Replica(String instanceId, String host, Integer port, String status, long ticketsPrepared,
			long ticketsInProgress, long ticketsAwaitingTakeover) {

		static Replica of(KitchenCluster.Member member) {
			return new Replica(member.instanceId(), member.host(), member.port(), member.status(), member.prepared(),
					member.inProgress(), member.awaitingTakeover());
		}

	}

}
