package org.example.restaurant.platform.outbox;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventPublicationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox warm-up on a repository made up here: every statement of a delivery and of
 * the outbox's round is run once, one that fails does not stop the others nor the
 * service's start, and without a repository nothing runs.
 */
class OutboxWarmUpTests {

	private final List<String> ran = new ArrayList<>();

	@Test
	void runsEachStatementOfADeliveryOnceAndGoesOnPastOneThatFails() {
		warmUp(repository("markProcessing"));

		assertThat(this.ran).containsExactly("findIncompletePublicationsByEventAndTargetIdentifier", "markProcessing",
				"markCompleted", "markCompleted", "markFailed", "findIncompletePublications", "markResubmitted");
	}

	@Test
	void doesNothingWithoutAnOutbox() {
		new OutboxWarmUp(new StaticListableBeanFactory().getBeanProvider(EventPublicationRepository.class),
				Clock.systemUTC())
			.afterSingletonsInstantiated();

		assertThat(this.ran).isEmpty();
	}

	private void warmUp(EventPublicationRepository repository) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("publications", repository);
		new OutboxWarmUp(beans.getBeanProvider(EventPublicationRepository.class), Clock.systemUTC())
			.afterSingletonsInstantiated();
	}

	/** A repository that records what is asked of it, and fails on one method. */
	private EventPublicationRepository repository(String failing) {
		return (EventPublicationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { EventPublicationRepository.class }, (proxy, method, args) -> {
					this.ran.add(method.getName());
					if (method.getName().equals(failing)) {
						throw new IllegalStateException("no such table");
					}
					if (method.getReturnType() == Optional.class) {
						return Optional.empty();
					}
					if (method.getReturnType() == List.class) {
						return List.of();
					}
					return (method.getReturnType() == boolean.class) ? false : null;
				});
	}

}
