package org.example.restaurant.kitchen.ticket;

import java.time.Duration;
import java.util.UUID;

import org.example.restaurant.platform.polling.ListVersions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every change of a ticket that the tickets list shows moves the list's version (what a
 * poll's ETag is made of) once, in its transaction, whether a person, the order-service
 * or a cook of any replica makes it; what changes nothing a list shows (a repeated
 * message, a refused move, a lease renewed or handed back, a lost claim) moves nothing.
 */
class TicketListVersionTests extends AbstractTicketDatabaseTests {

	@Test
	void theDeskMovesTheVersionWithEveryChange() {
		long before = version();
		UUID orderId = UUID.randomUUID();
		Ticket ticket = this.desk.receive(Tickets.request(orderId)).ticket();
		assertThat(version()).as("received").isEqualTo(before + 1);
		this.desk.receive(Tickets.request(orderId));
		assertThat(version()).as("received again").isEqualTo(before + 1);

		this.desk.start(ticket.getId());
		assertThat(version()).as("started").isEqualTo(before + 2);
		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(() -> this.desk.start(ticket.getId()));
		assertThat(version()).as("a refused start").isEqualTo(before + 2);
		this.desk.markReady(ticket.getId());
		assertThat(version()).as("ready").isEqualTo(before + 3);

		Ticket queued = this.desk.receive(Tickets.request(UUID.randomUUID())).ticket();
		this.desk.cancelForOrder(queued.getOrderId());
		assertThat(version()).as("received and cancelled").isEqualTo(before + 5);
		this.desk.cancelForOrder(queued.getOrderId());
		assertThat(version()).as("cancelled again").isEqualTo(before + 5);
		this.desk.cancelForOrder(UUID.randomUUID());
		assertThat(version()).as("cancelled before it arrived").isEqualTo(before + 6);
	}

	@Test
	void theCooksMoveTheVersionWhenTheyClaimTakeOverAndFinishButNotWhenTheyRenewOrHandBack() {
		this.tickets.save(Tickets.queued());
		long before = version();

		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		assertThat(version()).as("claimed").isEqualTo(before + 1);
		ClaimedTicket renewed = this.leases.renewLease(claimed, LEASE).orElseThrow();
		assertThat(version()).as("renewed").isEqualTo(before + 1);
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
		assertThat(version()).as("nothing to claim").isEqualTo(before + 1);

		this.leases.handBack(Tickets.KITCHEN_1);
		assertThat(version()).as("handed back").isEqualTo(before + 1);
		this.clock.advance(Duration.ofMillis(1));
		ClaimedTicket taken = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();
		assertThat(version()).as("taken over").isEqualTo(before + 2);

		assertThat(this.leases.finish(renewed)).isFalse();
		assertThat(version()).as("a lost finish").isEqualTo(before + 2);
		assertThat(this.leases.finish(taken)).isTrue();
		assertThat(version()).as("finished").isEqualTo(before + 3);
	}

	private long version() {
		return this.versions.current(TicketDesk.POLLED_LIST);
	}

}
