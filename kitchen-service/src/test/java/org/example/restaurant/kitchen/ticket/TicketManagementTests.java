package org.example.restaurant.kitchen.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.example.restaurant.kitchen.support.InstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TicketManagement} against a real database, each change in its own transaction as
 * in production (the test itself runs without one), so that several threads can race like
 * the cooks of several replicas sharing one kitchen database.
 */
@DataJpaTest
@Import({ TicketManagement.class, InstanceId.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@RecordApplicationEvents
class TicketManagementTests {

	static final int COOKS = 8;

	@Autowired
	TicketManagement management;

	@Autowired
	TicketRepository tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void emptyTheKitchen() {
		this.jdbc.update("delete from ticket_item");
		this.jdbc.update("delete from ticket");
	}

	@Test
	void racingCooksOfSeveralReplicasClaimEveryTicketExactlyOnce() throws Exception {
		int ticketCount = 40;
		for (int i = 0; i < ticketCount; i++) {
			this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusMillis(i)));
		}
		ConcurrentLinkedQueue<ClaimedTicket> won = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<Void>> cooks = new ArrayList<>();
		for (int i = 1; i <= COOKS; i++) {
			String cook = "kitchen-service:kitchen-" + i;
			cooks.add(() -> {
				go.await();
				Optional<ClaimedTicket> claimed;
				while ((claimed = this.management.claimNext(cook)).isPresent()) {
					won.add(claimed.get());
				}
				return null;
			});
		}

		runAtOnce(cooks, go);

		assertThat(won).hasSize(ticketCount);
		Map<UUID, ClaimedTicket> byTicket = won.stream()
			.collect(Collectors.toMap(ClaimedTicket::ticketId, Function.identity()));
		assertThat(byTicket).hasSize(ticketCount);
		assertThat(this.tickets.findAll()).allSatisfy((ticket) -> {
			assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PREPARING);
			assertThat(ticket.getPreparedBy()).isEqualTo(byTicket.get(ticket.getId()).cook());
		});
		assertThat(this.jdbc.queryForObject("select max(version) from ticket", Long.class)).isEqualTo(1);
	}

	@Test
	void theSameOrderArrivingManyTimesAtOnceMakesOneTicket() throws Exception {
		UUID orderId = UUID.randomUUID();
		ConcurrentLinkedQueue<TicketManagement.Received> answers = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<Void>> senders = new ArrayList<>();
		for (int i = 0; i < COOKS; i++) {
			senders.add(() -> {
				go.await();
				answers.add(this.management.receive(Tickets.request(orderId)));
				return null;
			});
		}

		runAtOnce(senders, go);

		assertThat(answers).hasSize(COOKS);
		assertThat(answers).filteredOn(TicketManagement.Received::created).hasSize(1);
		assertThat(answers).extracting((received) -> received.ticket().getId())
			.containsOnly(this.tickets.findByOrderId(orderId).orElseThrow().getId());
		assertThat(this.tickets.count()).isEqualTo(1);
	}

	@Test
	void receivesANewOrderAsAQueuedTicket() {
		UUID orderId = UUID.randomUUID();

		TicketManagement.Received received = this.management.receive(Tickets.request(orderId));

		assertThat(received.created()).isTrue();
		Ticket stored = this.tickets.findByOrderId(orderId).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(stored.getItems()).hasSize(2);
		assertThat(stored.getReceivedAt()).isEqualTo(received.ticket().getReceivedAt());
		assertThat(this.management.receive(Tickets.request(orderId)).created()).isFalse();
	}

	@Test
	void aCookClaimsTheOldestQueuedTicketAndTellsTheOrderService() {
		Ticket later = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(5)));
		Ticket oldest = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));

		ClaimedTicket claimed = this.management.claimNext("kitchen-service:kitchen-2").orElseThrow();

		assertThat(claimed.ticketId()).isEqualTo(oldest.getId());
		assertThat(claimed.orderId()).isEqualTo(oldest.getOrderId());
		assertThat(claimed.longestPrepSeconds()).isEqualTo(240);
		assertThat(this.tickets.findById(later.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(this.events.stream(TicketStarted.class)).containsExactly(new TicketStarted(oldest.getId(),
				oldest.getOrderId(), "kitchen-service:kitchen-2", claimed.startedAt()));
	}

	@Test
	void findsNothingToClaimInAnEmptyQueue() {
		this.tickets.save(Tickets.ready());

		assertThat(this.management.claimNext(Tickets.KITCHEN_1)).isEmpty();
		assertThat(this.events.stream(TicketStarted.class)).isEmpty();
	}

	@Test
	void aCookMarksItsTicketReadyAndTellsTheOrderService() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.management.claimNext(Tickets.KITCHEN_1).orElseThrow();

		assertThat(this.management.finish(claimed)).isTrue();

		Ticket ready = this.tickets.findById(claimed.ticketId()).orElseThrow();
		assertThat(ready.getStatus()).isEqualTo(TicketStatus.READY);
		assertThat(this.events.stream(TicketReady.class)).containsExactly(
				new TicketReady(claimed.ticketId(), claimed.orderId(), Tickets.KITCHEN_1, ready.getReadyAt()));
	}

	@Test
	void aCookLeavesATicketAPersonAlreadyMarkedReady() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.management.claimNext(Tickets.KITCHEN_1).orElseThrow();
		Ticket byHand = this.management.markReady(claimed.ticketId());

		assertThat(this.management.finish(claimed)).isFalse();

		assertThat(this.tickets.findById(claimed.ticketId()).orElseThrow().getReadyAt()).isEqualTo(byHand.getReadyAt());
		assertThat(this.events.stream(TicketReady.class)).hasSize(1);
	}

	@Test
	void aPersonStartsATicketOnThisReplica() {
		Ticket queued = this.tickets.save(Tickets.queued());

		Ticket started = this.management.start(queued.getId());

		assertThat(started.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(started.getPreparedBy()).isEqualTo("kitchen-service:local");
		assertThat(this.tickets.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(this.events.stream(TicketStarted.class)).containsExactly(new TicketStarted(queued.getId(),
				queued.getOrderId(), "kitchen-service:local", started.getStartedAt()));
	}

	@Test
	void refusesToStartATicketTwiceAndPublishesNothingTheSecondTime() {
		Ticket queued = this.tickets.save(Tickets.queued());
		this.management.start(queued.getId());

		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(() -> this.management.start(queued.getId()));
		assertThat(this.events.stream(TicketStarted.class)).hasSize(1);
	}

	@Test
	void refusesToMarkAnUnknownTicketReady() {
		assertThatExceptionOfType(TicketNotFound.class).isThrownBy(() -> this.management.markReady(UUID.randomUUID()));
	}

	@Test
	void cancelsAQueuedTicketAndLeavesAStartedOneAsItIs() {
		Ticket queued = this.tickets.save(Tickets.queued());
		Ticket preparing = this.tickets.save(Tickets.preparing());

		assertThat(this.management.cancelForOrder(queued.getOrderId()).getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.management.cancelForOrder(queued.getOrderId()).getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.management.cancelForOrder(preparing.getOrderId()).getStatus())
			.isEqualTo(TicketStatus.PREPARING);
		assertThat(this.tickets.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void refusesToCancelTheTicketOfAnOrderItHasNotReceived() {
		assertThatExceptionOfType(TicketNotFound.class)
			.isThrownBy(() -> this.management.cancelForOrder(UUID.randomUUID()));
	}

	private static void runAtOnce(Collection<Callable<Void>> tasks, CountDownLatch go) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<Void>> running = new ArrayList<>();
			tasks.forEach((task) -> running.add(pool.submit(task)));
			go.countDown();
			for (Future<Void> future : running) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
