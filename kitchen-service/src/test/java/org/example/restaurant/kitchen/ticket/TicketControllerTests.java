package org.example.restaurant.kitchen.ticket;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(TicketController.class)
@Import(InstanceId.class)
@WithMockUser(username = "201", roles = "COOK")
class TicketControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TicketRepository tickets;

	@MockitoBean
	TicketDesk desk;

	@MockitoBean
	ListVersions versions;

	@Test
	void listsTicketsOldestFirstWithTheFieldsOfTheContract() {
		Ticket ticket = Tickets.preparing();
		given(this.tickets.findAllByOrderByReceivedAtAscIdAsc()).willReturn(List.of(ticket, Tickets.queued()));

		assertThat(this.mvc.get().uri("/api/kitchen/tickets")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.hasHeader("X-Instance-Id", "kitchen-service:local")
			.bodyJson()
			.isLenientlyEqualTo("""
					[{"id": "%s", "orderId": "%s", "table": "T4", "status": "PREPARING",
					  "items": [{"name": "Margherita", "quantity": 2, "note": "no basil", "prepSeconds": 240},
					            {"name": "Green salad", "quantity": 1, "note": null, "prepSeconds": 120}],
					  "preparedBy": "kitchen-service:kitchen-1",
					  "receivedAt": "2026-11-25T19:00:01Z", "startedAt": "2026-11-25T19:00:03Z", "readyAt": null},
					 {"status": "QUEUED", "preparedBy": null, "startedAt": null}]
					""".formatted(ticket.getId(), ticket.getOrderId()));
	}

	@Test
	void filtersTicketsByStatus() {
		given(this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(Set.of(TicketStatus.READY)))
			.willReturn(List.of(Tickets.ready()));

		assertThat(this.mvc.get().uri("/api/kitchen/tickets?status=READY")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].status")
			.asArray()
			.containsExactly("READY");
	}

	@Test
	void listsTicketsInAnyOfSeveralStatusesInOneCall() {
		given(this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(
				Set.of(TicketStatus.QUEUED, TicketStatus.PREPARING, TicketStatus.READY)))
			.willReturn(List.of(Tickets.preparing(), Tickets.ready(), Tickets.queued()));

		assertThat(this.mvc.get().uri("/api/kitchen/tickets?status=QUEUED&status=PREPARING&status=READY")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].status")
			.asArray()
			.containsExactly("PREPARING", "READY", "QUEUED");
		assertThat(this.mvc.get().uri("/api/kitchen/tickets?status=QUEUED,PREPARING,READY")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(3);
	}

	@Test
	void answersAPollWithTheListsVersionAsETagAndNotModifiedWithoutReadingTheTicketsWhileItHolds() {
		given(this.versions.current(TicketDesk.POLLED_LIST)).willReturn(12L);
		given(this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(Set.of(TicketStatus.READY)))
			.willReturn(List.of(Tickets.ready()));

		MvcTestResult first = this.mvc.get().uri("/api/kitchen/tickets?status=READY").exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(1);
		assertThat(first).headers()
			.hasSingleValue("ETag", "\"tickets-12\"")
			.hasSingleValue("Cache-Control", "no-cache, private");
		clearInvocations(this.tickets);

		MvcTestResult again = this.mvc.get()
			.uri("/api/kitchen/tickets?status=READY")
			.header("If-None-Match", "\"tickets-12\"")
			.exchange();
		assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED).hasBodyTextEqualTo("");
		assertThat(again).headers()
			.hasSingleValue("ETag", "\"tickets-12\"")
			.hasSingleValue("Cache-Control", "no-cache, private");
		verifyNoInteractions(this.tickets);

		// a ticket changed, on this replica or another
		given(this.versions.current(TicketDesk.POLLED_LIST)).willReturn(13L);
		MvcTestResult changed = this.mvc.get()
			.uri("/api/kitchen/tickets?status=READY")
			.header("If-None-Match", "\"tickets-12\"")
			.exchange();
		assertThat(changed).hasStatusOk().bodyJson().extractingPath("$[0].status").isEqualTo("READY");
		assertThat(changed).headers().hasSingleValue("ETag", "\"tickets-13\"");
	}

	@Test
	void refusesAnUnknownStatusFilterNamingTheParameter() {
		assertThat(this.mvc.get().uri("/api/kitchen/tickets?status=BURNT")).matches(invalid("status"));
		verifyNoInteractions(this.tickets);
	}

	@Test
	void showsOneTicket() {
		Ticket ticket = Tickets.ready();
		given(this.tickets.findById(ticket.getId())).willReturn(Optional.of(ticket));

		assertThat(this.mvc.get().uri("/api/kitchen/tickets/{id}", ticket.getId())).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"id": "%s", "status": "READY", "readyAt": "2026-11-25T19:00:15Z"}
					""".formatted(ticket.getId()));
	}

	@Test
	@WithMockUser(username = "101", roles = "WAITER")
	void onlyACookStartsAndFinishesATicketButAnyStaffReads() {
		UUID id = UUID.randomUUID();
		given(this.tickets.findById(id)).willReturn(Optional.of(Tickets.ready()));

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/start", id)).matches(problem(HttpStatus.FORBIDDEN));
		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/ready", id)).matches(problem(HttpStatus.FORBIDDEN));
		assertThat(this.mvc.get().uri("/api/kitchen/tickets/{id}", id)).hasStatusOk();
		verifyNoInteractions(this.desk);
	}

	@Test
	@WithMockUser(username = "order-service", authorities = "SCOPE_kitchen.tickets")
	void aServiceTokenReadsNoTicket() {
		assertThat(this.mvc.get().uri("/api/kitchen/tickets")).matches(problem(HttpStatus.FORBIDDEN));
		verifyNoInteractions(this.tickets);
	}

	@Test
	void answersAnUnknownTicketWithNotFoundProblem() {
		UUID id = UUID.randomUUID();
		given(this.tickets.findById(id)).willReturn(Optional.empty());

		assertThat(this.mvc.get().uri("/api/kitchen/tickets/{id}", id)).matches(problem(HttpStatus.NOT_FOUND))
			.hasHeader("X-Instance-Id", "kitchen-service:local")
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"status": 404, "title": "Not found", "detail": "No ticket with id %s", "instance": "/api/kitchen/tickets/%s"}
							"""
						.formatted(id, id));
	}

	@Test
	void refusesAnIdThatIsNotAUuidNamingTheParameter() {
		assertThat(this.mvc.get().uri("/api/kitchen/tickets/not-a-uuid")).matches(invalid("id"));
	}

	static Stream<Arguments> cooksMoves() {
		return Stream.of(arguments("start", Tickets.preparing(), (Move) TicketDesk::start),
				arguments("ready", Tickets.ready(), (Move) TicketDesk::markReady));
	}

	/**
	 * A cook starts a queued ticket, or marks a prepared one ready: the answer is the
	 * ticket as the desk left it.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("cooksMoves")
	void answersACooksMoveWithTheTicketAsTheDeskLeftIt(String move, Ticket moved, Move onTheDesk) {
		given(onTheDesk.of(this.desk, moved.getId())).willReturn(moved);

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/{move}", moved.getId(), move)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"id": "%s", "status": "%s", "preparedBy": "kitchen-service:kitchen-1"}
					""".formatted(moved.getId(), moved.getStatus()));
	}

	@Test
	void refusesToStartATicketThatIsNotQueuedWithConflictProblem() {
		UUID id = UUID.randomUUID();
		given(this.desk.start(id)).willThrow(new TicketNotQueued(id, TicketStatus.READY, "started"));

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/start", id)).matches(problem(HttpStatus.CONFLICT))
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status": 409, "ticketId": "%s", "ticketStatus": "READY"}
					""".formatted(id));
	}

	@Test
	void refusesToStartATicketThatChangedAtTheSameMomentWithConflictProblem() {
		UUID id = UUID.randomUUID();
		given(this.desk.start(id)).willThrow(new ObjectOptimisticLockingFailureException(Ticket.class, id));

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/start", id)).matches(problem(HttpStatus.CONFLICT));
	}

	@Test
	void refusesToStartAnUnknownTicketWithNotFoundProblem() {
		UUID id = UUID.randomUUID();
		given(this.desk.start(id)).willThrow(TicketNotFound.withId(id));

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/start", id)).matches(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void refusesToMarkAQueuedTicketReadyWithConflictProblem() {
		Ticket ticket = Tickets.queued();
		given(this.desk.markReady(ticket.getId()))
			.willThrow(new TicketNotPreparing(ticket.getId(), TicketStatus.QUEUED));

		assertThat(this.mvc.post().uri("/api/kitchen/tickets/{id}/ready", ticket.getId()))
			.matches(problem(HttpStatus.CONFLICT, "QUEUED"));
	}

	@Test
	void answersAnUnexpectedFailureWithAnInternalErrorProblem() {
		given(this.tickets.findAllByOrderByReceivedAtAscIdAsc()).willThrow(new IllegalStateException("boom"));

		assertThat(this.mvc.get().uri("/api/kitchen/tickets")).matches(problem(HttpStatus.INTERNAL_SERVER_ERROR))
			.hasHeader("X-Instance-Id", "kitchen-service:local")
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.doesNotContain("boom");
	}

	/** What the desk does for a cook's move on a ticket. */
	interface Move {

		Ticket of(TicketDesk desk, UUID ticketId);

	}

}
