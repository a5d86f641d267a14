package org.example.restaurant.system;

import org.example.restaurant.system.HistoryChecker.Report;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short chaos run in every build (issue 15): 60 orders placed, served and paid by
 * clients that retry as real ones do, while five faults (four kills of parts of the
 * seed's choosing, one kitchen replica paused for longer than its lease) come and go; it
 * fails on any violation the {@link HistoryChecker} finds. The seed is new at each run
 * and printed with the report; {@code -Dchaos.seed=...} repeats a run's faults, and the
 * other {@code chaos.*} properties of {@link ChaosRun} change the run. The long runs are
 * {@code ./restaurant chaos}.
 * <p>
 * Its restaurant is its own, started and stopped here ({@code @Order(2)}, see
 * {@code junit-platform.properties}), before the shared one of the other scenarios.
 */
@Order(2)
class ChaosIT {

	@Test
	void everyAcknowledgedOrderIsCookedOnceBilledOnceAndPaidThroughKillsAndAPause() {
		// Orders over about two minutes, so that every fault meets orders in flight.
		Report report = new ChaosRun(ChaosRun.Settings.fromSystemProperties(60, 0.5, 5, 1)).run();

		assertThat(report.violations()).as(report.text()).isEmpty();
		assertThat(report.acknowledged()).as(report.text()).isEqualTo(report.history().orders().size());
	}

}
