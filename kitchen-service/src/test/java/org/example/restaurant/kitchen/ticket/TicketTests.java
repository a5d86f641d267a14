package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TicketTests {

	@Test
	void aNewTicketIsQueuedWithItsItemsAndNobodyCookingIt() {
		UUID orderId = UUID.randomUUID();
		Ticket ticket = Tickets.queued(orderId, Tickets.RECEIVED);

		assertThat(ticket.getId()).isNotNull();
		assertThat(ticket.getOrderId()).isEqualTo(orderId);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(ticket.getItems()).extracting(TicketItem::getName).containsExactly("Margherita", "Green salad");
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

	@Test
	void refusesToStartAReadyTicket() {
		Ticket ticket = Tickets.ready();

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> ticket.start(Tickets.KITCHEN_1, Tickets.READY));
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.READY);
	}

	@Test
	void refusesToStartACancelledTicket() {
		Ticket ticket = Tickets.cancelled();

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> ticket.start(Tickets.KITCHEN_1, Tickets.READY));
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(ticket.getPreparedBy()).isNull();
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

}
