package org.example.restaurant.cashier.figures;

import java.math.BigDecimal;
import java.time.Instant;

import org.example.restaurant.cashier.bill.BillRepository;
import org.example.restaurant.cashier.bill.Cashier;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithMockUser;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/bills/figures}: for the manager only, answered by this controller and
 * not taken for {@code GET /api/bills/{id}} (the bill controller is in the slice too).
 */
@WebMvcTest(controllers = FiguresController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.example\\.restaurant\\.cashier\\.bill\\.BillController"))
@WithMockUser(username = "901", roles = "MANAGER")
class FiguresControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CashierFigures figures;

	@MockitoBean
	BillRepository bills;

	@MockitoBean
	Cashier cashier;

	@MockitoBean
	IdempotentRequests idempotentRequests;

	@Test
	void answersTheManagerTheCashiersFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new CashierFigures.Figures(Instant.parse("2031-03-14T20:00:00Z"), 2, 3,
				new BigDecimal("19.70"), "EUR", 4, 1));

		this.mvc.perform(get("/api/bills/figures"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.at").value("2031-03-14T20:00:00Z"))
			.andExpect(jsonPath("$.paymentsLastMinute").value(2))
			.andExpect(jsonPath("$.paymentsLastHour").value(3))
			.andExpect(content().string(containsString("\"takingsLastHour\":19.70")))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.openBills").value(4))
			.andExpect(jsonPath("$.outboxPending").value(1));
	}

	@Test
	@WithMockUser(username = "301", roles = { "WAITER", "COOK", "CASHIER" })
	void refusesEveryoneButTheManagerAndIsNotTakenForABillId() throws Exception {
		// a waiter or cashier may read /api/bills/{id}: a 403 says the literal path won
		this.mvc.perform(get("/api/bills/figures"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		verifyNoInteractions(this.figures, this.bills);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CashierSettings.class)
	static class Settings {

	}

}
