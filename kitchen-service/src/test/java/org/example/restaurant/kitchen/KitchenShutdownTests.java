package org.example.restaurant.kitchen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole replica stopping normally while its cook is in the middle of a ticket: the
 * ticket's lease is handed back during shutdown, while the database can still be reached,
 * so that another replica takes it over at once. Runs its own application on its own
 * in-memory database, which outlives the application, so the test can look at it after
 * the shutdown.
 */
class KitchenShutdownTests {

	static final String DATABASE = "jdbc:h2:mem:kitchen-shutdown;DB_CLOSE_DELAY=-1";

	@Test
	void handsBackTheTicketBeingCookedBeforeTheDatabaseCloses() throws SQLException {
		UUID ticket = UUID.randomUUID();
		// arguments, not default properties: those would lose against
		// application-test.yml
		ConfigurableApplicationContext replica = new SpringApplicationBuilder(KitchenServiceApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + DATABASE, "--server.port=0", "--kitchen.auto-cook=true",
					"--kitchen.cooks-per-replica=1", "--kitchen.time-scale=1", "--kitchen.poll-interval=20ms",
					"--kitchen.lease=30s");
		try {
			JdbcTemplate jdbc = replica.getBean(JdbcTemplate.class);
			// one transaction: a cook must not claim the ticket before its item is there
			replica.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
				jdbc.update("insert into ticket (id, order_id, table_code, status, received_at, version) "
						+ "values (?, ?, 'T4', 'QUEUED', current_timestamp, 0)", ticket, UUID.randomUUID());
				jdbc.update("insert into ticket_item (ticket_id, line_no, name, quantity, prep_seconds) "
						+ "values (?, 0, 'Margherita', 1, 600)", ticket);
			});
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject("select status from ticket where id = ?", String.class, ticket),
						"PREPARING"::equals);
		}
		finally {
			replica.close();
		}

		try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
				PreparedStatement query = connection
					.prepareStatement("select status, prepared_by, lease_until from ticket where id = ?")) {
			query.setObject(1, ticket);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString("status")).isEqualTo("PREPARING");
				assertThat(row.getString("prepared_by")).isEqualTo("kitchen-service:local");
				assertThat(row.getObject("lease_until", OffsetDateTime.class).toInstant())
					.as("the lease ends when the replica stops, not 30 s after its last renewal")
					.isBeforeOrEqualTo(Instant.now());
			}
		}
	}

}
