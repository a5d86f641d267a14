package org.example.restaurant.cashier;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import org.example.restaurant.cashier.bill.BillPaid;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's outbox warm-up on the cashier: once the service has started, the
 * statements that delivering a "paid" message makes on the outbox table are already
 * prepared, so the first messages' listener threads parse nothing while their
 * transactions hold a pooled connection (what ran the pool dry in a chaos run,
 * docs/reliability.md). A context of its own (Hibernate's statistics on), in which
 * nothing has been sent yet.
 */
@CashierServiceTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class OutboxWarmUpTests {

	@Autowired
	private EventPublicationRepository publications;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void theStatementsOfAFirstDeliveryAreParsedBeforeItIsSent() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		BillPaid event = new BillPaid(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
		PublicationTargetIdentifier listener = PublicationTargetIdentifier
			.of("org.example.restaurant.cashier.messaging.OrderPaidNotifier.on(org.example.restaurant.cashier.bill.BillPaid)");
		UUID id = UUID.randomUUID();

		// what a delivery and the outbox's round do, on a message that does not exist
		this.publications.findIncompletePublicationsByEventAndTargetIdentifier(event, listener);
		this.publications.markProcessing(id);
		this.publications.markCompleted(event, listener, Instant.now());
		this.publications.markCompleted(id, Instant.now());
		this.publications.markFailed(id);
		this.publications.findIncompletePublications();
		this.publications.markResubmitted(id, Instant.now());

		assertThat(statistics.getQueryPlanCacheMissCount()).as("statements parsed on first use").isZero();
		assertThat(statistics.getQueryPlanCacheHitCount()).as("statements found prepared").isPositive();
	}

}
