package org.example.restaurant.kitchen.figures;

import java.time.Instant;
import java.util.List;

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

@WebMvcTest(FiguresController.class)
@WithMockUser(username = "901", roles = "MANAGER")
class FiguresControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private KitchenFigures figures;

	@Test
	void answersTheManagerTheKitchensFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new KitchenFigures.Figures(Instant.parse("2026-11-25T19:00:10Z"), 4, 2,
				40.5, null, List.of(new KitchenFigures.Replica("kitchen-service:kitchen-1", "UP", 2, 3)), 1));

		this.mvc.perform(get("/api/kitchen/figures"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2026-11-25T19:00:10Z"))
			.andExpect(jsonPath("$.ticketsWaiting").value(4))
			.andExpect(jsonPath("$.ticketsPreparing").value(2))
			.andExpect(jsonPath("$.averageWaitSeconds").value(40.5))
			.andExpect(jsonPath("$.averageCookSeconds").doesNotExist())
			.andExpect(jsonPath("$.replicas[0].instanceId").value("kitchen-service:kitchen-1"))
			.andExpect(jsonPath("$.replicas[0].status").value("UP"))
			.andExpect(jsonPath("$.replicas[0].preparing").value(2))
			.andExpect(jsonPath("$.replicas[0].cookedLastMinute").value(3))
			.andExpect(jsonPath("$.outboxPending").value(1));
	}

	@Test
	@WithMockUser(username = "201", roles = { "WAITER", "COOK", "CASHIER" })
	void refusesEveryoneButTheManager() throws Exception {
		this.mvc.perform(get("/api/kitchen/figures"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		verifyNoInteractions(this.figures);
	}

}
