package org.example.restaurant.platform.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts {@link BatchedMarks} in front of the service's outbox table (Spring Modulith's
 * {@link EventPublicationRepository}, after its transactional proxy), and writes what it
 * has queued before that table's bean is destroyed, while the database is still open.
 */
final class BatchedMarksPostProcessor implements DestructionAwareBeanPostProcessor {

	private final ObjectProvider<PlatformTransactionManager> transactionManager;

	private final Map<String, BatchedMarks> batched = new ConcurrentHashMap<>();

	BatchedMarksPostProcessor(ObjectProvider<PlatformTransactionManager> transactionManager) {
		this.transactionManager = transactionManager;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof EventPublicationRepository table) || bean instanceof BatchedMarks) {
			return bean;
		}
		BatchedMarks marks = new BatchedMarks(table, () -> {
			TransactionTemplate transactions = new TransactionTemplate(this.transactionManager.getObject());
			transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			return transactions;
		});
		this.batched.put(beanName, marks);
		return marks;
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean instanceof EventPublicationRepository;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		BatchedMarks marks = this.batched.remove(beanName);
		if (marks != null) {
			marks.close();
		}
	}

}
