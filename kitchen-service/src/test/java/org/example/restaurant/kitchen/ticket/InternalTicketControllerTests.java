package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(InternalTicketController.class)
@Import(InstanceId.class)
@WithMockUser(username = "order-service", authorities = "SCOPE_kitchen.tickets")
class InternalTicketControllerTests {

	static final String NEW_TICKET = """
			{"orderId": "%s", "table": "T4", "placedAt": "2026-11-25T19:00:00Z",
			 "items": [{"name": "Margherita", "quantity": 2, "note": "no basil", "prepSeconds": 240}]}
			""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TicketDesk desk;

	@Test
	void createsATicketForANewOrder() {
		Ticket ticket = Tickets.queued();
		given(this.desk.receive(argThat((request) -> request.orderId().equals(ticket.getOrderId())
				&& request.items().get(0).prepSeconds() == 240)))
			.willReturn(new TicketDesk.Received(ticket, true));

		assertThat(this.mvc.post()
			.uri("/internal/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.content(NEW_TICKET.formatted(ticket.getOrderId()))).hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/kitchen/tickets/" + ticket.getId())
			.bodyJson()
			.isLenientlyEqualTo("""
					{"id": "%s", "orderId": "%s", "table": "T4", "status": "QUEUED", "preparedBy": null,
					 "items": [{"name": "Margherita", "quantity": 2, "note": "no basil", "prepSeconds": 240},
					           {"name": "Green salad", "quantity": 1, "note": null, "prepSeconds": 120}]}
					""".formatted(ticket.getId(), ticket.getOrderId()));
	}

	@Test
	void answersTheExistingTicketWhenAnOrderArrivesAgain() {
		Ticket ticket = Tickets.preparing();
		given(this.desk.receive(argThat((request) -> request.orderId().equals(ticket.getOrderId()))))
			.willReturn(new TicketDesk.Received(ticket, false));

		assertThat(this.mvc.post()
			.uri("/internal/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.content(NEW_TICKET.formatted(ticket.getOrderId()))).hasStatusOk()
			.doesNotContainHeader("Location")
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("PREPARING");
	}

	@Test
	void refusesAQuantityOutOfRangeNamingTheField() {
		String body = """
				{"orderId": "%s", "table": "T4",
				 "items": [{"name": "Margherita", "quantity": 0, "prepSeconds": 240}]}
				""".formatted(UUID.randomUUID());

		assertThat(this.mvc.post().uri("/internal/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
			.matches(invalid("items[0].quantity"))
			.hasHeader("X-Instance-Id", "kitchen-service:local")
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("must be greater than or equal to 1");
		verifyNoInteractions(this.desk);
	}

	@Test
	void refusesATicketWithoutOrderOrItemsNamingEveryField() {
		assertThat(this.mvc.post()
			.uri("/internal/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"table\": \"T4\", \"items\": []}")).matches(problem(HttpStatus.BAD_REQUEST))
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("orderId", "items");
	}

	@Test
	void refusesAValueOfTheWrongTypeNamingTheField() {
		String body = """
				{"orderId": "%s", "table": "T4",
				 "items": [{"name": "Margherita", "quantity": "two", "prepSeconds": 240}]}
				""".formatted(UUID.randomUUID());

		assertThat(this.mvc.post().uri("/internal/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
			.matches(invalid("items[0].quantity"));
		verifyNoInteractions(this.desk);
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertThat(this.mvc.post().uri("/internal/tickets").contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.matches(problem(HttpStatus.BAD_REQUEST));
		verifyNoInteractions(this.desk);
	}

	@Test
	void cancelsTheTicketOfACancelledOrder() {
		Ticket ticket = Tickets.cancelled();
		given(this.desk.cancelForOrder(ticket.getOrderId())).willReturn(ticket);

		assertThat(this.mvc.post().uri("/internal/tickets/by-order/{orderId}/cancel", ticket.getOrderId()))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"id": "%s", "orderId": "%s", "status": "CANCELLED", "preparedBy": null}
					""".formatted(ticket.getId(), ticket.getOrderId()));
	}

	@Test
	void refusesToCancelATicketACookStartedWithConflictProblem() {
		Ticket ticket = Tickets.preparing();
		given(this.desk.cancelForOrder(ticket.getOrderId()))
			.willThrow(new TicketNotQueued(ticket.getId(), TicketStatus.PREPARING, "cancelled"));

		assertThat(this.mvc.post().uri("/internal/tickets/by-order/{orderId}/cancel", ticket.getOrderId()))
			.matches(problem(HttpStatus.CONFLICT, "PREPARING"));
	}

	@Test
	void refusesAnOrderIdThatIsNotAUuidNamingTheParameter() {
		assertThat(this.mvc.post().uri("/internal/tickets/by-order/42/cancel")).matches(invalid("orderId"));
	}

}
