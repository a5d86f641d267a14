package org.example.restaurant.kitchen.ticket;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TicketTests {

	@Test
	void aNewTicketIsQueuedWithItsItemsAndNobodyCookingIt() {
		UUID orderId = UUID.randomUUID();
		Ticket ticket = Tickets.queued(orderId, Tickets.RECEIVED);

		assertThat(ticket.getId()).isNotNull();
		assertThat(ticket.getOrderId()).isEqualTo(orderId);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(ticket.getItems()).extracting(TicketItem::name).containsExactly("Margherita", "Green salad");
		assertThat(ticket.getPreparedBy()).isNull();
		assertThat(ticket.getReceivedAt()).isEqualTo(Tickets.RECEIVED);
		assertThat(ticket.getStartedAt()).isNull();
		assertThat(ticket.getReadyAt()).isNull();
	}

	@Test
	void startingAQueuedTicketRecordsWhoCooksItAndWhen() {
		Ticket ticket = Tickets.queued();

		ticket.start("kitchen-service:kitchen-2", Tickets.STARTED);

		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(ticket.getPreparedBy()).isEqualTo("kitchen-service:kitchen-2");
		assertThat(ticket.getStartedAt()).isEqualTo(Tickets.STARTED);
	}

	@Test
	void refusesToStartATicketThatIsAlreadyBeingPrepared() {
		Ticket ticket = Tickets.preparing();

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> ticket.start("kitchen-service:kitchen-2", Tickets.READY))
			.withMessageContaining("PREPARING");
		assertThat(ticket.getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
		assertThat(ticket.getStartedAt()).isEqualTo(Tickets.STARTED);
	}

	static Stream<Arguments> readyAndCancelledTickets() {
		return Stream.of(arguments(Tickets.ready(), TicketStatus.READY, Tickets.KITCHEN_1),
				arguments(Tickets.cancelled(), TicketStatus.CANCELLED, null));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("readyAndCancelledTickets")
	void refusesToStartAReadyOrACancelledTicket(Ticket ticket, TicketStatus status, String preparedBy) {
		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> ticket.start(Tickets.KITCHEN_1, Tickets.READY));
		assertThat(ticket.getStatus()).isEqualTo(status);
		assertThat(ticket.getPreparedBy()).isEqualTo(preparedBy);
	}

	@Test
	void aTicketCancelledBeforeItArrivedCanNeverBeStarted() {
		UUID orderId = UUID.randomUUID();
		Ticket tombstone = Ticket.cancelledBeforeArrival(orderId, Tickets.RECEIVED);

		assertThat(tombstone.getOrderId()).isEqualTo(orderId);
		assertThat(tombstone.getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(tombstone.getItems()).isEmpty();
		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> tombstone.start(Tickets.KITCHEN_1, Tickets.STARTED));
		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(tombstone::cancel);
	}

	@Test
	void markingAPreparedTicketReadyKeepsTheCookWhoStartedIt() {
		Ticket ticket = Tickets.preparing();

		ticket.markReady(Tickets.READY);

		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.READY);
		assertThat(ticket.getReadyAt()).isEqualTo(Tickets.READY);
		assertThat(ticket.getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
	}

	@Test
	void refusesToMarkAQueuedTicketReady() {
		Ticket ticket = Tickets.queued();

		assertThatExceptionOfType(TicketNotPreparing.class).isThrownBy(() -> ticket.markReady(Tickets.READY))
			.withMessageContaining("QUEUED");
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(ticket.getReadyAt()).isNull();
	}

	@Test
	void refusesToMarkAReadyTicketReadyAgain() {
		Ticket ticket = Tickets.ready();

		assertThatExceptionOfType(TicketNotPreparing.class)
			.isThrownBy(() -> ticket.markReady(Tickets.READY.plusSeconds(60)));
		assertThat(ticket.getReadyAt()).isEqualTo(Tickets.READY);
	}

	@Test
	void refusesToMarkACancelledTicketReady() {
		Ticket ticket = Tickets.cancelled();

		assertThatExceptionOfType(TicketNotPreparing.class).isThrownBy(() -> ticket.markReady(Tickets.READY));
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void cancelsAQueuedTicket() {
		Ticket ticket = Tickets.queued();

		ticket.cancel();

		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(ticket.isQueued()).isFalse();
	}

	@Test
	void refusesToCancelATicketACookStarted() {
		Ticket ticket = Tickets.preparing();

		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(ticket::cancel).withMessageContaining("cancelled");
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PREPARING);
	}

	@Test
	void refusesToCancelAReadyTicket() {
		Ticket ticket = Tickets.ready();

		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(ticket::cancel);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.READY);
	}

	@Test
	void refusesToCancelACancelledTicketAgain() {
		Ticket ticket = Tickets.cancelled();

		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(ticket::cancel);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void takesAsLongAsItsSlowestItem() {
		assertThat(Tickets.queued().longestPrepSeconds()).isEqualTo(240);
	}

	@Test
	void startingATicketRegistersTheNewsThatItStarted() {
		Ticket ticket = Tickets.queued();

		ticket.start("kitchen-service:kitchen-2", Tickets.STARTED);

		assertThat(ticket.pendingEvents()).containsExactly(new TicketStarted(ticket.getId(), ticket.getOrderId(),
				"kitchen-service:kitchen-2", Tickets.STARTED, Tickets.RECEIVED, null));
	}

	@Test
	void markingATicketReadyRegistersTheNewsThatItIsReadyByTheCookWhoStartedIt() {
		Ticket ticket = Tickets.preparing();

		ticket.markReady(Tickets.READY);

		assertThat(ticket.pendingEvents()).containsExactly(new TicketStarted(ticket.getId(), ticket.getOrderId(),
				Tickets.KITCHEN_1, Tickets.STARTED, Tickets.RECEIVED, null), readyByKitchen1(ticket));
	}

	@Test
	void aRefusedMoveRegistersNoNews() {
		Ticket ready = Tickets.ready();
		Ticket queued = Tickets.queued();
		int readyNews = ready.pendingEvents().size();

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> ready.start(Tickets.KITCHEN_1, Tickets.READY));
		assertThatExceptionOfType(TicketNotPreparing.class).isThrownBy(() -> queued.markReady(Tickets.READY));
		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(ready::cancel);

		assertThat(ready.pendingEvents()).hasSize(readyNews);
		assertThat(queued.pendingEvents()).isEmpty();
	}

	@Test
	void receivingAndCancellingATicketTellNobody() {
		Ticket cancelled = Tickets.cancelled();

		assertThat(cancelled.pendingEvents()).isEmpty();
		assertThat(Ticket.cancelledBeforeArrival(UUID.randomUUID(), Tickets.RECEIVED).pendingEvents()).isEmpty();
	}

	@Test
	void aCookThatFinishedATicketUnderItsLeaseAnnouncesItReady() {
		Ticket ticket = Tickets.ready();
		int before = ticket.pendingEvents().size();

		ticket.finishedBy(Tickets.KITCHEN_1);

		assertThat(ticket.pendingEvents()).hasSize(before + 1).last().isEqualTo(readyByKitchen1(ticket));
	}

	@Test
	void refusesToAnnounceAFinishOrAClaimTheTicketDoesNotShow() {
		Ticket ready = Tickets.ready();
		Ticket byHand = Tickets.preparing();
		int readyNews = ready.pendingEvents().size();
		int byHandNews = byHand.pendingEvents().size();

		assertThatIllegalStateException().isThrownBy(() -> ready.finishedBy("kitchen-service:kitchen-2"));
		assertThatIllegalStateException().isThrownBy(() -> byHand.finishedBy(Tickets.KITCHEN_1));
		assertThatIllegalStateException().as("a ticket a person started has no lease")
			.isThrownBy(() -> byHand.claimedBy(Tickets.KITCHEN_1));
		assertThatIllegalStateException().isThrownBy(() -> Tickets.queued().claimedBy(Tickets.KITCHEN_1));

		assertThat(ready.pendingEvents()).hasSize(readyNews);
		assertThat(byHand.pendingEvents()).hasSize(byHandNews);
	}

	/**
	 * The news that the ticket, started by a cook of {@link Tickets#KITCHEN_1} at
	 * {@link Tickets#STARTED}, is ready at {@link Tickets#READY}.
	 */
	private static TicketReady readyByKitchen1(Ticket ticket) {
		return new TicketReady(ticket.getId(), ticket.getOrderId(), Tickets.KITCHEN_1, Tickets.READY, Tickets.STARTED);
	}

}
