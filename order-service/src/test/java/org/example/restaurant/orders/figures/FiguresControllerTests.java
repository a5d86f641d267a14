package org.example.restaurant.orders.figures;

import java.time.Instant;
import java.util.Map;

import org.example.restaurant.orders.menu.MenuItemRepository;
import org.example.restaurant.orders.order.OrderManagement;
import org.example.restaurant.orders.order.OrderRepository;
import org.example.restaurant.orders.order.OrderStatus;
import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithMockUser;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/orders/figures}: for the manager only, answered by this controller and
 * not taken for {@code GET /api/orders/{id}} with the id {@code figures}.
 */
@WebMvcTest
@WithMockUser(username = "901", roles = "MANAGER")
class FiguresControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderFigures figures;

	// the other controllers of the service, among them OrderController's /api/orders/{id}
	@MockitoBean
	private OrderManagement management;

	@MockitoBean
	private OrderRepository orders;

	@MockitoBean
	private ListVersions versions;

	@MockitoBean
	private IdempotentRequests idempotentRequests;

	@MockitoBean
	private MenuItemRepository menu;

	@Test
	void answersTheManagerTheFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new OrderFigures.Figures(Instant.parse("2031-03-14T12:00:00Z"), 3, 41,
				Map.of(OrderStatus.PLACED, 2L), 1));

		this.mvc.perform(get("/api/orders/figures"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2031-03-14T12:00:00Z"))
			.andExpect(jsonPath("$.ordersLastMinute").value(3))
			.andExpect(jsonPath("$.ordersLastHour").value(41))
			.andExpect(jsonPath("$.openOrders.PLACED").value(2))
			.andExpect(jsonPath("$.outboxPending").value(1));
	}

	@Test
	@WithMockUser(username = "101", roles = { "WAITER", "COOK", "CASHIER" })
	void refusesEveryoneButTheManagerAndIsNotTakenForAnOrderId() throws Exception {
		// any staff may read /api/orders/{id}: a 403 says the literal path won
		this.mvc.perform(get("/api/orders/figures"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		verifyNoInteractions(this.figures, this.orders);
	}

}
