package org.example.restaurant.orders.order;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.example.restaurant.orders.order.OrderManagement.RequestedItem;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotCancellable;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotReady;
import org.example.restaurant.platform.polling.ListVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Answers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.example.restaurant.platform.test.ConditionalResults.current;
import static org.example.restaurant.platform.test.ConditionalResults.notModified;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrderController.class)
@WithMockUser(username = "101", roles = "WAITER")
class OrderControllerTests {

	private static final Set<OrderStatus> ALL = EnumSet.allOf(OrderStatus.class);

	private static final String ORDER = """
			{"table": "T4", "items": [{"menuItemId": "margherita", "quantity": 2, "note": "no basil"},
			                          {"menuItemId": "espresso", "quantity": 1}]}
			""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderManagement management;

	// real default methods (require), stubbed finders
	@MockitoBean(answers = Answers.CALLS_REAL_METHODS)
	private OrderRepository orders;

	// Idempotency-Key handling is tested against the database in IdempotentOrdersTests
	@MockitoBean
	private IdempotentRequests idempotentRequests;

	@MockitoBean
	private ListVersions versions;

	@BeforeEach
	void runRequestsAsIfWithoutKey() {
		given(this.idempotentRequests.execute(any(), any(), any(), any()))
			.willAnswer((invocation) -> invocation.<Supplier<?>>getArgument(3).get());
	}

	@Test
	void placesAnOrderAndSaysWhereItLives() throws Exception {
		Order order = Orders.placed();
		given(this.management.place(eq("T4"), anyList(), eq("101"))).willReturn(order);

		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/" + order.getId()))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.id").value(order.getId().toString()))
			.andExpect(jsonPath("$.table").value("T4"))
			.andExpect(jsonPath("$.status").value("PLACED"))
			.andExpect(jsonPath("$.items[0].menuItemId").value("margherita"))
			.andExpect(jsonPath("$.items[0].name").value("Pizza Margherita"))
			.andExpect(jsonPath("$.items[0].quantity").value(2))
			.andExpect(jsonPath("$.items[0].note").value("no basil"))
			.andExpect(jsonPath("$.items[1].note").doesNotExist())
			.andExpect(jsonPath("$.placedBy").value("101"))
			.andExpect(jsonPath("$.createdAt").value(order.getCreatedAt().toString()))
			.andExpect(jsonPath("$.updatedAt").value(order.getUpdatedAt().toString()))
			.andExpect(content().string(containsString("\"unitPrice\":9.50")))
			.andExpect(content().string(containsString("\"lineTotal\":19.00")))
			.andExpect(content().string(containsString("\"total\":21.40")));

		verify(this.management).place("T4",
				List.of(new RequestedItem("margherita", 2, "no basil"), new RequestedItem("espresso", 1, null)), "101");
	}

	@Test
	@WithMockUser(username = "201", roles = "COOK")
	void onlyAWaiterPlacesServesAndCancelsButAnyStaffReads() throws Exception {
		UUID id = UUID.randomUUID();
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		this.mvc.perform(post("/api/orders/{id}/serve", id)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/orders/{id}/cancel", id)).andExpect(status().isForbidden());
		given(this.orders.search(ALL, null)).willReturn(List.of());
		this.mvc.perform(get("/api/orders")).andExpect(status().isOk());
		verify(this.management, never()).place(anyString(), anyList(), anyString());
		verify(this.management, never()).serve(any());
	}

	@Test
	@WithAnonymousUser
	void withoutATokenNothingIsAnswered() throws Exception {
		this.mvc.perform(get("/api/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(jsonPath("$.title").value("Not signed in"));
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER))
			.andExpect(status().isUnauthorized());
		verify(this.management, never()).place(anyString(), anyList(), anyString());
	}

	@Test
	void namesEveryInvalidFieldOfAnOrder() throws Exception {
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"table": "a table far too long", "items": [{"menuItemId": "margherita", "quantity": 100},
				  {"menuItemId": "", "quantity": 0, "note": "%s"}]}
				""".formatted("x".repeat(201))))
			.andExpect(problem(HttpStatus.BAD_REQUEST))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("table", "items[0].quantity", "items[1].menuItemId",
					"items[1].quantity", "items[1].note")))
			.andExpect(jsonPath("$.detail").value(containsString("'items[0].quantity'")))
			.andExpect(jsonPath("$.errors[?(@.field == 'items[0].quantity')].message")
				.value(hasItems("must be less than or equal to 99")));
		verifyNoInteractions(this.management);
	}

	@Test
	void refusesAnOrderWithoutItems() throws Exception {
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"table": "T4", "items": []}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
	}

	@Test
	void refusesAnOrderWithMoreThanFiftyLines() throws Exception {
		String line = "{\"menuItemId\": \"espresso\", \"quantity\": 1}";
		String items = String.join(",", Collections.nCopies(51, line));

		this.mvc
			.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"table\": \"T4\", \"items\": [" + items + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
	}

	@Test
	void namesTheFieldThatHasTheWrongType() throws Exception {
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
				{"table": "T4", "items": [{"menuItemId": "margherita", "quantity": "two"}]}
				""")).andExpect(invalid("items[0].quantity"));
	}

	@Test
	void refusesAnUnknownOrUnavailableItemNamingIt() throws Exception {
		given(this.management.place(anyString(), anyList(), anyString()))
			.willThrow(new MenuItemsNotOrderable(List.of("pizza-hawaii"), List.of("tiramisu")));

		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER))
			.andExpect(problem(HttpStatus.UNPROCESSABLE_CONTENT, "'pizza-hawaii'"))
			.andExpect(jsonPath("$.detail").value(containsString("'tiramisu'")))
			.andExpect(jsonPath("$.unknownMenuItems[0]").value("pizza-hawaii"))
			.andExpect(jsonPath("$.unavailableMenuItems[0]").value("tiramisu"));
	}

	@Test
	void listsOrdersFilteredByStatusAndTable() throws Exception {
		Order order = Orders.inStatus(OrderStatus.READY);
		given(this.orders.search(Set.of(OrderStatus.READY), "T4")).willReturn(List.of(order));

		this.mvc.perform(get("/api/orders").param("status", "READY").param("table", "T4"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(order.getId().toString()))
			.andExpect(jsonPath("$[0].status").value("READY"));
	}

	@Test
	void listsOrdersInAnyOfSeveralStatusesInOneCall() throws Exception {
		Order placed = Orders.placed();
		Order ready = Orders.inStatus(OrderStatus.READY);
		given(this.orders.search(Set.of(OrderStatus.PLACED, OrderStatus.READY), null))
			.willReturn(List.of(placed, ready));

		this.mvc.perform(get("/api/orders?status=PLACED&status=READY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(contains(placed.getId().toString(), ready.getId().toString())));
		this.mvc.perform(get("/api/orders?status=PLACED,READY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	void listsAllOrdersWithoutFilters() throws Exception {
		given(this.orders.search(ALL, null)).willReturn(List.of());

		this.mvc.perform(get("/api/orders")).andExpect(status().isOk()).andExpect(content().json("[]"));
		verify(this.orders).search(ALL, null);
	}

	@Test
	void answersAPollWithTheListsVersionAsETagAndNotModifiedWithoutReadingTheOrdersWhileItHolds() throws Exception {
		given(this.versions.current(OrderListChanges.POLLED_LIST)).willReturn(41L);
		given(this.orders.search(anySet(), any())).willReturn(List.of(Orders.placed()));

		this.mvc.perform(get("/api/orders?status=PLACED&status=READY"))
			.andExpect(current("\"orders-41\""))
			.andExpect(header().stringValues("Cache-Control", "no-cache, private"))
			.andExpect(jsonPath("$.length()").value(1));
		clearInvocations(this.orders);

		this.mvc.perform(get("/api/orders?status=PLACED&status=READY").header("If-None-Match", "\"orders-41\""))
			.andExpect(notModified("\"orders-41\""))
			.andExpect(header().stringValues("Cache-Control", "no-cache, private"));
		verifyNoInteractions(this.orders);

		// an order changed: the version moved on
		given(this.versions.current(OrderListChanges.POLLED_LIST)).willReturn(42L);
		this.mvc.perform(get("/api/orders?status=PLACED&status=READY").header("If-None-Match", "\"orders-41\""))
			.andExpect(current("\"orders-42\""))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	@WithAnonymousUser
	void checksTheTokenBeforeTheVersion() throws Exception {
		given(this.versions.current(OrderListChanges.POLLED_LIST)).willReturn(41L);

		this.mvc.perform(get("/api/orders").header("If-None-Match", "\"orders-41\""))
			.andExpect(status().isUnauthorized());
		verifyNoInteractions(this.versions);
	}

	@Test
	void namesAnUnknownStatusFilter() throws Exception {
		this.mvc.perform(get("/api/orders").param("status", "EATEN"))
			.andExpect(problem(HttpStatus.BAD_REQUEST, "'status'"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void showsOneOrder() throws Exception {
		Order order = Orders.placed();
		given(this.orders.findById(order.getId())).willReturn(Optional.of(order));

		this.mvc.perform(get("/api/orders/{id}", order.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(order.getId().toString()))
			.andExpect(jsonPath("$.items.length()").value(2));
	}

	@Test
	void answersAProblemForAnUnknownOrder() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.orders.findById(id)).willReturn(Optional.empty());

		this.mvc.perform(get("/api/orders/{id}", id))
			.andExpect(problem(HttpStatus.NOT_FOUND))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.orderId").value(id.toString()));
	}

	@Test
	void refusesAnIdThatIsNotAUuidNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/orders/{id}", "table-4"))
			.andExpect(problem(HttpStatus.BAD_REQUEST, "'id'"))
			.andExpect(jsonPath("$.detail").value(containsString("UUID")));
		verifyNoInteractions(this.orders);
	}

	static Stream<Arguments> waitersMoves() {
		return Stream.of(arguments("serve", OrderStatus.SERVED, (Move) OrderManagement::serve),
				arguments("cancel", OrderStatus.CANCELLED, (Move) OrderManagement::cancel));
	}

	/**
	 * A waiter serves a ready order, or cancels a placed one: the answer is the order as
	 * the move left it.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("waitersMoves")
	void answersAWaitersMoveWithTheOrderAsItLeftIt(String move, OrderStatus status, Move onTheOrders) throws Exception {
		Order order = Orders.inStatus(status);
		given(onTheOrders.of(this.management, order.getId())).willReturn(order);

		this.mvc.perform(post("/api/orders/{id}/{move}", order.getId(), move))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value(status.name()));
	}

	@Test
	void refusesToServeAnOrderThatIsNotReady() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.management.serve(id)).willThrow(new OrderNotReady(id, OrderStatus.PREPARING));

		this.mvc.perform(post("/api/orders/{id}/serve", id))
			.andExpect(problem(HttpStatus.CONFLICT))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value(containsString("PREPARING")))
			.andExpect(jsonPath("$.orderId").value(id.toString()));
	}

	@Test
	void refusesToCancelOnceACookStarted() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.management.cancel(id)).willThrow(new OrderNotCancellable(id, OrderStatus.PREPARING));

		this.mvc.perform(post("/api/orders/{id}/cancel", id)).andExpect(problem(HttpStatus.CONFLICT));
	}

	@Test
	void refusesToCancelWhenTheKitchenSaysACookStarted() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.management.cancel(id)).willThrow(new CookAlreadyStarted(id));

		this.mvc.perform(post("/api/orders/{id}/cancel", id))
			.andExpect(problem(HttpStatus.CONFLICT, "a cook already started"))
			.andExpect(jsonPath("$.orderId").value(id.toString()));
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhenTheKitchenCannotConfirmACancellation() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.management.cancel(id)).willThrow(new KitchenUnavailable(id, new IllegalStateException("down")));

		this.mvc.perform(post("/api/orders/{id}/cancel", id))
			.andExpect(problem(HttpStatus.SERVICE_UNAVAILABLE, "cannot confirm the cancellation"))
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.orderId").value(id.toString()));
	}

	@Test
	void answersAConflictWhenTwoRequestsChangeAnOrderAtOnce() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.management.serve(id)).willThrow(new ObjectOptimisticLockingFailureException(Order.class, id));

		this.mvc.perform(post("/api/orders/{id}/serve", id)).andExpect(problem(HttpStatus.CONFLICT));
	}

	@Test
	void answersAProblemWithoutDetailsForAnUnexpectedError() throws Exception {
		given(this.orders.search(any(), any())).willThrow(new IllegalStateException("database on fire"));

		this.mvc.perform(get("/api/orders"))
			.andExpect(problem(HttpStatus.INTERNAL_SERVER_ERROR))
			.andExpect(header().string("X-Instance-Id", "order-service:local"))
			.andExpect(jsonPath("$.detail").value(not(containsString("fire"))));
	}

	/** What the order management does for a waiter's move on an order. */
	interface Move {

		Order of(OrderManagement management, UUID orderId);

	}

}
