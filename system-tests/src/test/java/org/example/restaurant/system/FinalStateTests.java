package org.example.restaurant.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.example.restaurant.system.FinalState.Finish;
import org.example.restaurant.system.FinalState.Takeover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the kitchen replicas' logs tell the chaos run's checker: every finish and every
 * takeover, from the logs of the replicas (also those kept from before a replica was
 * killed), not from other parts' logs.
 */
class FinalStateTests {

	private static final String PREFIX = "2026-12-01T22:00:01.986Z  INFO 6772 --- [         cook-2] "
			+ "[kitchen-service,,,] o.e.r.kitchen.ticket.TicketLeases        : ";

	@TempDir
	Path logs;

	@Test
	void readsEveryFinishAndTakeoverFromTheKitchenReplicasLogs() throws IOException {
		write("kitchen-1.before-fault-2.log", "Ticket t1 for order o1 ready, prepared by kitchen-1",
				"Ticket t2 for order o2 started by kitchen-1");
		write("kitchen-2.log", "Ticket t2 of order o2 taken over by kitchen-2 from kitchen-1",
				"Ticket t2 for order o2 ready, prepared by kitchen-2");
		// the database server's log and another part's are no replica's
		write("kitchen-db.log", "Ticket t3 for order o3 ready, prepared by kitchen-3");
		write("order-1.log", "Ticket t4 for order o4 ready, prepared by kitchen-3");

		assertThat(FinalState.finishesLogged(this.logs)).containsExactly(
				new Finish("t1", "o1", "kitchen-1", "kitchen-1.before-fault-2.log"),
				new Finish("t2", "o2", "kitchen-2", "kitchen-2.log"));
		assertThat(FinalState.takeoversLogged(this.logs))
			.containsExactly(new Takeover("t2", "o2", "kitchen-1", "kitchen-2"));
	}

	private void write(String log, String... messages) throws IOException {
		StringBuilder lines = new StringBuilder();
		for (String message : messages) {
			lines.append(PREFIX).append(message).append('\n');
		}
		Files.writeString(this.logs.resolve(log), lines);
	}

}
