package org.example.restaurant.platform.outbox;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A rushed request waits while the outbox's sends are behind, and goes on all the same
 * after the longest wait ({@link OutboxPacing}).
 */
class OutboxPacingTests {

	private static final Duration LONG = Duration.ofMinutes(1);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** Pacing with its metrics in {@link #meters} and one send ahead, returned. */
	private Runnable oneSendAhead(OutboxPacing pacing) {
		pacing.bindTo(this.meters);
		return pacing.decorate(() -> {
		});
	}

	private double timedOut() {
		return this.meters.get("restaurant.outbox.pacing").tag("outcome", "timed-out").timer().count();
	}

	@Test
	void countsASendFromItsHandOverUntilItFinishedAlsoWhenItFailed() {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(32, LONG));
		Runnable sent = pacing.decorate(() -> {
		});
		Runnable failed = pacing.decorate(() -> {
			throw new IllegalStateException("kitchen down");
		});
		assertThat(pacing.sending()).isEqualTo(2);
		sent.run();
		assertThat(pacing.sending()).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(failed::run);
		assertThat(pacing.sending()).isZero();
	}

	@Test
	void aRequestGoesOnAtOnceWhileFewerSendsThanTheLimitAreAhead() throws InterruptedException {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(2, LONG));
		oneSendAhead(pacing);
		assertThat(pacing.awaitRoom()).isTrue();
		assertThat(this.meters.get("restaurant.outbox.pacing").timers())
			.allSatisfy((timer) -> assertThat(timer.count()).isZero());
		assertThat(this.meters.get("restaurant.outbox.sending").gauge().value()).isEqualTo(1);
	}

	@Test
	void aRequestWaitsUntilASendAheadOfItFinished() {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(1, LONG));
		Runnable ahead = oneSendAhead(pacing);
		CompletableFuture<Boolean> request = CompletableFuture.supplyAsync(() -> {
			try {
				return pacing.awaitRoom();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !request.isDone());
		ahead.run();
		assertThat(request).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
		assertThat(this.meters.get("restaurant.outbox.pacing").tag("outcome", "room").timer().count()).isOne();
	}

	@Test
	void aRequestGoesOnAfterTheLongestWaitWhenTheSendsStayBehind() throws InterruptedException {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(1, Duration.ofMillis(50)));
		oneSendAhead(pacing);
		assertThat(pacing.awaitRoom()).isFalse();
		assertThat(timedOut()).isOne();
	}

	@Test
	void aLimitOfZeroNeverWaits() throws InterruptedException {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(0, LONG));
		oneSendAhead(pacing);
		assertThat(pacing.awaitRoom()).isTrue();
		assertThat(timedOut()).isZero();
	}

	@Test
	void onlyTheHandlersMarkedPacedWait() throws Exception {
		OutboxPacing pacing = new OutboxPacing(new OutboxPacingProperties(1, Duration.ofMillis(20)));
		oneSendAhead(pacing);
		OutboxPacingInterceptor interceptor = new OutboxPacingInterceptor(pacing);
		Handlers handlers = new Handlers();
		for (String name : new String[] { "place", "list" }) {
			Method method = Handlers.class.getDeclaredMethod(name);
			assertThat(interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
					new HandlerMethod(handlers, method)))
				.isTrue();
		}
		assertThat(timedOut()).as("the one marked paced waited, the other not").isOne();
	}

	@Test
	void countsTheSendsOfSpringBootsTaskExecutor() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, OutboxPacingAutoConfiguration.class))
			.run((context) -> {
				OutboxPacing pacing = context.getBean(OutboxPacing.class);
				CountDownLatch sent = new CountDownLatch(1);
				context.getBean("applicationTaskExecutor", TaskExecutor.class).execute(() -> {
					try {
						sent.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
				assertThat(pacing.sending()).isOne();
				sent.countDown();
				await().atMost(Duration.ofSeconds(10)).until(() -> pacing.sending() == 0);
			});
	}

	@Test
	void leavesSpringBootsTaskSchedulerAlone() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					TaskSchedulingAutoConfiguration.class, OutboxPacingAutoConfiguration.class))
			.withUserConfiguration(EveryFewMilliseconds.class)
			.run((context) -> {
				EveryFewMilliseconds task = context.getBean(EveryFewMilliseconds.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> task.runs.get() >= 5);
				assertThat(context.getBean(OutboxPacing.class).sending())
					.as("a periodic task is not a send, however often it runs")
					.isZero();
			});
	}

	@Test
	void leavesAServicesOwnTaskDecoratorAlone() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, OutboxPacingAutoConfiguration.class))
			.withBean(TaskDecorator.class, () -> (task) -> task)
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxPacing.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class EveryFewMilliseconds {

		final AtomicInteger runs = new AtomicInteger();

		@Scheduled(fixedDelay = 5)
		void run() {
			this.runs.incrementAndGet();
		}

	}

	static class Handlers {

		@PacedByTheOutbox
		void place() {
		}

		void list() {
		}

	}

}
