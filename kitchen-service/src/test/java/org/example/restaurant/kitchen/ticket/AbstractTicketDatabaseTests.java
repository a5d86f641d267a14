package org.example.restaurant.kitchen.ticket;

import java.time.Duration;

import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.kitchen.support.TestClock;
import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk and the cooks' leases against a real database, each change in its own
 * transaction as in production (the test itself runs without one), so that several
 * threads can race like requests or cooks of several replicas sharing one kitchen
 * database. Time stands still until a test moves the {@link TestClock}. Since nothing is
 * rolled back, every test ends by emptying the kitchen.
 */
@DataJpaTest
@Import({ TicketDesk.class, TicketLeases.class, InstanceId.class, TestClock.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@RecordApplicationEvents
abstract class AbstractTicketDatabaseTests {

	static final Duration LEASE = Duration.ofSeconds(10);

	static final String KITCHEN_2 = "kitchen-service:kitchen-2";

	@Autowired
	TicketDesk desk;

	@Autowired
	TicketLeases leases;

	@Autowired
	TestClock clock;

	@Autowired
	TicketRepository tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	ListVersions versions;

	@BeforeEach
	void startTheShift() {
		this.clock.reset();
	}

	@AfterEach
	void emptyTheKitchen() {
		this.jdbc.update("delete from ticket_item");
		this.jdbc.update("delete from ticket");
	}

}
