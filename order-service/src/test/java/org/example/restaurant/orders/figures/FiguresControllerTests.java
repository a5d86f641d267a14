package org.example.restaurant.orders.figures;

import java.time.Instant;
import java.util.Map;

import org.example.restaurant.orders.menu.MenuItemRepository;
import org.example.restaurant.orders.order.OrderManagement;
import org.example.restaurant.orders.order.OrderRepository;
import org.example.restaurant.orders.order.OrderStatus;
import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.example.restaurant.platform.test.FiguresContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * {@code GET /api/orders/figures}: for the manager only, answered by this controller and
 * not taken for {@code GET /api/orders/{id}} with the id {@code figures}.
 */
@WebMvcTest
@WithMockUser(username = "901", roles = "MANAGER")
// what the other controllers of the service need, OrderController's /api/orders/{id}
// among them
@MockitoBean(types = { OrderManagement.class, ListVersions.class, IdempotentRequests.class, MenuItemRepository.class })
class FiguresControllerTests extends FiguresContract {

	@MockitoBean
	private OrderFigures figures;

	@MockitoBean
	private OrderRepository orders;

	FiguresControllerTests() {
		super("/api/orders/figures");
	}

	@Test
	void answersTheManagerTheFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new OrderFigures.Figures(Instant.parse("2031-03-14T12:00:00Z"), 3, 41,
				Map.of(OrderStatus.PLACED, 2L), 1));

		this.mvc.perform(get("/api/orders/figures"))
			.andExpect(figuresOfNow("2031-03-14T12:00:00Z", 1))
			.andExpect(jsonPath("$.ordersLastMinute").value(3))
			.andExpect(jsonPath("$.ordersLastHour").value(41))
			.andExpect(jsonPath("$.openOrders.PLACED").value(2));
	}

	@Override
	protected Object[] untouchedByARefusal() {
		return new Object[] { this.figures, this.orders };
	}

}
