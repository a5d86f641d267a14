package org.example.restaurant.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;

/**
 * Runs each statement that delivering a message makes on the outbox table once, on a
 * message that does not exist, while the service starts (before its web server and its
 * registration in the registry), so that the first messages it sends do not pay for them.
 * <p>
 * Spring Modulith's JPA repository writes HQL, and Hibernate parses a query the first
 * time it is used and keeps it. Each statement runs in a transaction of its own, which
 * holds a database connection from the pool for the whole of it, the parse included. A
 * chaos run caught the cost (docs/reliability.md): the cashier's first "paid" messages
 * went out together (the first payments, or the catch-up after an outage of the
 * order-service), each listener thread parsed the same statements at once, on a busy
 * machine for seconds, and the pool's ten connections were all held by them while
 * requests waited and were answered 503. Parsed here, once, no listener parses.
 * <p>
 * Each statement matches no row, so it changes nothing; one that fails is logged and the
 * service starts all the same (it would merely be parsed later).
 */
final class OutboxWarmUp implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OutboxWarmUp.class);

	/** What the statements by event look for: no message holds it. */
	static final String NO_EVENT = "outbox warm-up";

	private final ObjectProvider<EventPublicationRepository> publications;

	private final Clock clock;

	OutboxWarmUp(ObjectProvider<EventPublicationRepository> publications, Clock clock) {
		this.publications = publications;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		EventPublicationRepository outbox = this.publications.getIfAvailable();
		if (outbox == null) {
			return;
		}
		long start = System.nanoTime();
		UUID none = UUID.randomUUID();
		Instant now = this.clock.instant();
		PublicationTargetIdentifier nobody = PublicationTargetIdentifier.of(NO_EVENT);
		List<Statement> statements = List.of(
				// a listener's first attempt: marked in progress, then completed or
				// failed
				new Statement("find by event",
						(repository) -> repository.findIncompletePublicationsByEventAndTargetIdentifier(NO_EVENT,
								nobody)),
				// another id than "done": BatchedMarks drops an "under way" whose
				// "done" is in the same group, and this statement is to run
				new Statement("mark processing", (repository) -> repository.markProcessing(UUID.randomUUID())),
				new Statement("mark completed by event",
						(repository) -> repository.markCompleted(NO_EVENT, nobody, now)),
				new Statement("mark completed", (repository) -> repository.markCompleted(none, now)),
				new Statement("mark failed", (repository) -> repository.markFailed(none)),
				// the outbox's round: what is pending, and the mark of a re-send
				new Statement("find incomplete", EventPublicationRepository::findIncompletePublications),
				new Statement("mark resubmitted", (repository) -> repository.markResubmitted(none, now)));
		int failed = 0;
		for (Statement statement : statements) {
			try {
				statement.run().accept(outbox);
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("Outbox warm-up: '{}' failed, it will be prepared on first use: {}", statement.name(),
						ex.toString());
			}
		}
		log.info("Outbox warm-up: {} statements on the outbox table prepared in {} ms{}", statements.size() - failed,
				(System.nanoTime() - start) / 1_000_000, (failed > 0) ? ", " + failed + " failed" : "");
	}

	/** One statement of a delivery, by name, and how to run it. */
	record Statement(String name, Consumer<EventPublicationRepository> run) {
	}

}
