package org.example.restaurant.orders.order;

import java.util.UUID;

import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotServed;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(InternalOrderController.class)
@WithMockUser(username = "kitchen-service", authorities = { "SCOPE_orders.progress", "SCOPE_orders.paid" })
class InternalOrderControllerTests {

	private static final String KITCHEN_NEWS = """
			{"ticketId": "1c2d3e4f-0000-4000-8000-000000000001", "preparedBy": "kitchen-service:kitchen-2",
			 "at": "2026-11-25T19:00:03Z"}
			""";

	private final UUID orderId = UUID.randomUUID();

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderManagement management;

	@Test
	void takesNoteThatACookStarted() throws Exception {
		this.mvc
			.perform(post("/internal/orders/{id}/preparing", this.orderId).contentType(MediaType.APPLICATION_JSON)
				.content(KITCHEN_NEWS))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Instance-Id", "order-service:local"));

		verify(this.management).cookingStarted(this.orderId, "kitchen-service:kitchen-2");
	}

	@Test
	void takesNoteThatTheOrderIsReady() throws Exception {
		this.mvc
			.perform(post("/internal/orders/{id}/ready", this.orderId).contentType(MediaType.APPLICATION_JSON)
				.content(KITCHEN_NEWS))
			.andExpect(status().isNoContent());

		verify(this.management).ready(this.orderId, "kitchen-service:kitchen-2");
	}

	@Test
	void readsNewsWithoutABodyOrWithFieldsItDoesNotKnow() throws Exception {
		this.mvc.perform(post("/internal/orders/{id}/ready", this.orderId)).andExpect(status().isNoContent());
		this.mvc
			.perform(post("/internal/orders/{id}/preparing", this.orderId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"preparedBy\": \"k1\", \"station\": \"grill\"}"))
			.andExpect(status().isNoContent());

		verify(this.management).ready(this.orderId, null);
		verify(this.management).cookingStarted(this.orderId, "k1");
	}

	@Test
	void takesNoteThatTheOrderIsPaid() throws Exception {
		this.mvc
			.perform(post("/internal/orders/{id}/paid", this.orderId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"billId\": \"5e6f\", \"at\": \"2026-11-25T19:20:00Z\"}"))
			.andExpect(status().isNoContent());

		verify(this.management).paid(this.orderId, "5e6f");
	}

	@Test
	void refusesPaymentNewsForAnOrderThatWasNotServed() throws Exception {
		willThrow(new OrderNotServed(this.orderId, OrderStatus.READY)).given(this.management)
			.paid(this.orderId, "5e6f");

		this.mvc
			.perform(post("/internal/orders/{id}/paid", this.orderId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"billId\": \"5e6f\"}"))
			.andExpect(problem(HttpStatus.CONFLICT, "READY"));
	}

	@Test
	void answersNotFoundForNewsAboutAnUnknownOrder() throws Exception {
		willThrow(new OrderNotFound(this.orderId)).given(this.management).ready(this.orderId, null);

		this.mvc.perform(post("/internal/orders/{id}/ready", this.orderId)).andExpect(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void refusesAnOrderIdThatIsNotAUuid() throws Exception {
		this.mvc.perform(post("/internal/orders/{id}/ready", "order-7"))
			.andExpect(problem(HttpStatus.BAD_REQUEST, "'orderId'"));
		verifyNoInteractions(this.management);
	}

}
