package org.example.restaurant.system;

import java.time.Duration;
import java.util.List;

import org.example.restaurant.system.FaultSchedule.Planned;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run's faults: random, but the same for the same seed, every kind of part
 * killed once before any is killed again, and pauses longer than the kitchen's lease.
 */
class FaultScheduleTests {

	private static final Duration LEASE = Duration.ofSeconds(3);

	@Test
	void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() {
		FaultSchedule one = FaultSchedule.random(42, 8, 2, FaultSchedule.killable(true, true), 3, LEASE);

		assertThat(FaultSchedule.random(42, 8, 2, FaultSchedule.killable(true, true), 3, LEASE)).isEqualTo(one);
		assertThat(FaultSchedule.random(43, 8, 2, FaultSchedule.killable(true, true), 3, LEASE).faults())
			.isNotEqualTo(one.faults());
	}

	@Test
	void everyKindOfPartIsKilledOnceBeforeAnyIsKilledAgain() {
		List<String> killed = FaultSchedule.random(7, 7, 0, FaultSchedule.killable(true, true), 3, LEASE)
			.faults()
			.stream()
			.map((fault) -> fault.target().startsWith("kitchen-") && !fault.target().equals("kitchen-db")
					? FaultSchedule.A_KITCHEN_REPLICA : fault.target())
			.toList();

		assertThat(killed).containsExactlyInAnyOrderElementsOf(FaultSchedule.killable(true, true));
	}

	@Test
	void onPostgresTheDatabaseServerIsNeverKilled() {
		assertThat(FaultSchedule.random(7, 20, 0, FaultSchedule.killable(false, false), 3, LEASE).faults())
			.extracting(Planned::target)
			.doesNotContain("kitchen-db")
			.contains("order-1", "cashier-1", "staff-1", "gateway");
	}

	@Test
	void aPausedReplicaIsHeldLongerThanItsLeaseAndHealedBySigcont() {
		List<Planned> faults = FaultSchedule.random(11, 5, 1, FaultSchedule.killable(true, true), 3, LEASE).faults();

		List<Planned> pauses = faults.stream().filter((fault) -> fault.kind().equals(History.Fault.PAUSE)).toList();
		assertThat(pauses).hasSize(1);
		assertThat(pauses.get(0).target()).matches("kitchen-[123]");
		assertThat(pauses.get(0).held()).isGreaterThan(LEASE);
		assertThat(faults).filteredOn((fault) -> fault.kind().equals(History.Fault.KILL)).hasSize(4);
	}

	@Test
	void aPartitionCutsAReplicaOffFromItsDatabaseOrTheRegistryForLongerThanItsLease() {
		List<Planned> faults = FaultSchedule.random(11, 12, 1, 4, FaultSchedule.killable(true, true), 3, LEASE)
			.faults();

		List<Planned> partitions = faults.stream()
			.filter((fault) -> fault.kind().equals(History.Fault.CUT_FROM_DATABASE)
					|| fault.kind().equals(History.Fault.CUT_FROM_REGISTRY))
			.toList();
		assertThat(partitions).hasSize(4)
			.allSatisfy((partition) -> assertThat(partition.target()).matches("kitchen-[123]"))
			.allSatisfy((partition) -> assertThat(partition.held()).isGreaterThan(LEASE));
		assertThat(faults).filteredOn((fault) -> fault.kind().equals(History.Fault.PAUSE)).hasSize(1);
		assertThat(faults).filteredOn((fault) -> fault.kind().equals(History.Fault.KILL)).hasSize(7);
	}

}
