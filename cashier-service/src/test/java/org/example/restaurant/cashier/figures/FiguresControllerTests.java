package org.example.restaurant.cashier.figures;

import java.math.BigDecimal;
import java.time.Instant;

import org.example.restaurant.cashier.bill.BillRepository;
import org.example.restaurant.cashier.bill.Cashier;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.example.restaurant.platform.test.FiguresContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * {@code GET /api/bills/figures}: for the manager only, answered by this controller and
 * not taken for {@code GET /api/bills/{id}} (the bill controller is in the slice too).
 */
@WebMvcTest(controllers = FiguresController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.example\\.restaurant\\.cashier\\.bill\\.BillController"))
@WithMockUser(username = "901", roles = "MANAGER")
// what the bill controller needs besides the bills
@MockitoBean(types = { Cashier.class, IdempotentRequests.class })
class FiguresControllerTests extends FiguresContract {

	@MockitoBean
	CashierFigures figures;

	@MockitoBean
	BillRepository bills;

	FiguresControllerTests() {
		super("/api/bills/figures");
	}

	@Test
	void answersTheManagerTheCashiersFiguresOfNow() throws Exception {
		given(this.figures.now()).willReturn(new CashierFigures.Figures(Instant.parse("2031-03-14T20:00:00Z"), 2, 3,
				new BigDecimal("19.70"), "EUR", 4, 1));

		this.mvc.perform(get("/api/bills/figures"))
			.andExpect(figuresOfNow("2031-03-14T20:00:00Z", 1))
			.andExpect(jsonPath("$.paymentsLastMinute").value(2))
			.andExpect(jsonPath("$.paymentsLastHour").value(3))
			.andExpect(content().string(containsString("\"takingsLastHour\":19.70")))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.openBills").value(4));
	}

	@Override
	protected Object[] untouchedByARefusal() {
		return new Object[] { this.figures, this.bills };
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CashierSettings.class)
	static class Settings {

	}

}
