package org.example.restaurant.kitchen.figures;

import java.time.Instant;
import java.util.List;

import org.example.restaurant.platform.test.FiguresContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

@WebMvcTest(FiguresController.class)
@WithMockUser(username = "901", roles = "MANAGER")
class FiguresControllerTests extends FiguresContract {

	@MockitoBean
	private KitchenFigures figures;

	FiguresControllerTests() {
		super("/api/kitchen/figures");
	}

	@Test
	void answersTheManagerTheKitchensFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new KitchenFigures.Figures(Instant.parse("2026-11-25T19:00:10Z"), 4, 2,
				40.5, null, List.of(new KitchenFigures.Replica("kitchen-service:kitchen-1", "UP", 2, 3)), 1));

		this.mvc.perform(get("/api/kitchen/figures"))
			.andExpect(figuresOfNow("2026-11-25T19:00:10Z", 1))
			.andExpect(jsonPath("$.ticketsWaiting").value(4))
			.andExpect(jsonPath("$.ticketsPreparing").value(2))
			.andExpect(jsonPath("$.averageWaitSeconds").value(40.5))
			.andExpect(jsonPath("$.averageCookSeconds").doesNotExist())
			.andExpect(jsonPath("$.replicas[0].instanceId").value("kitchen-service:kitchen-1"))
			.andExpect(jsonPath("$.replicas[0].status").value("UP"))
			.andExpect(jsonPath("$.replicas[0].preparing").value(2))
			.andExpect(jsonPath("$.replicas[0].cookedLastMinute").value(3));
	}

	@Override
	protected Object[] untouchedByARefusal() {
		return new Object[] { this.figures };
	}

}
