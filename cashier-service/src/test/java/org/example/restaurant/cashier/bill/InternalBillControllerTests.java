package org.example.restaurant.cashier.bill;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.ResultActions;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(InternalBillController.class)
@WithMockUser(username = "order-service", authorities = "SCOPE_bills.open")
class InternalBillControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Cashier cashier;

	@Test
	void opensTheBillOfAServedOrder() throws Exception {
		Bill bill = margheritasForTwoOpened(true);

		postBill("""
				{"orderId": "%s", "table": "T4", "lines": [{"name": "Margherita", "quantity": 2, "unitPrice": 9.50}]}
				""".formatted(bill.getOrderId())).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/bills/" + bill.getId()))
			.andExpect(header().string("X-Instance-Id", "cashier-service:local"))
			.andExpect(jsonPath("$.id").value(bill.getId().toString()))
			.andExpect(jsonPath("$.orderId").value(bill.getOrderId().toString()))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(content().string(containsString("\"total\":19.00")));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<BillLine>> lines = ArgumentCaptor.forClass(List.class);
		then(this.cashier).should().open(eq(bill.getOrderId()), eq("T4"), lines.capture());
		assertThat(lines.getValue()).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Margherita");
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.lineTotal()).isEqualByComparingTo("19.00");
		});
	}

	@Test
	void answersOkWithTheBillAlreadyOpenForTheOrder() throws Exception {
		Bill bill = margheritasForTwoOpened(false);

		postBill("""
				{"orderId": "%s", "table": "T4", "lines": [{"name": "Margherita", "quantity": 2, "unitPrice": 9.50}],
				 "servedAt": "2026-11-25T19:10:00Z"}
				""".formatted(bill.getOrderId())).andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.id").value(bill.getId().toString()));
	}

	@Test
	void refusesAnOrderWithoutLinesNamingTheField() throws Exception {
		assertRefusedNaming("""
				{"orderId": "%s", "table": "T4", "lines": []}""".formatted(UUID.randomUUID()), "lines");
	}

	@Test
	void refusesALineWithoutQuantityNamingTheField() throws Exception {
		assertRefusedNaming("""
				{"orderId": "%s", "table": "T4", "lines": [{"name": "Margherita", "quantity": 0, "unitPrice": 9.50}]}"""
			.formatted(UUID.randomUUID()), "lines[0].quantity");
	}

	@Test
	void refusesAPriceWithMoreThanTwoDecimalsNamingTheField() throws Exception {
		assertRefusedNaming(
				"""
						{"orderId": "%s", "table": "T4", "lines": [{"name": "Margherita", "quantity": 1, "unitPrice": 9.505}]}"""
					.formatted(UUID.randomUUID()),
				"lines[0].unitPrice");
	}

	@Test
	void refusesAnOrderIdThatIsNotAUuidNamingTheField() throws Exception {
		assertRefusedNaming(
				"""
						{"orderId": "order-1", "table": "T4", "lines": [{"name": "Margherita", "quantity": 1, "unitPrice": 9.50}]}""",
				"orderId");
	}

	@Test
	void refusesAMissingTableNamingTheField() throws Exception {
		assertRefusedNaming("""
				{"orderId": "%s", "lines": [{"name": "Margherita", "quantity": 1, "unitPrice": 9.50}]}"""
			.formatted(UUID.randomUUID()), "table");
	}

	private void assertRefusedNaming(String body, String field) throws Exception {
		postBill(body).andExpect(invalid(field));
		then(this.cashier).should(never()).open(any(), any(), any());
	}

	/**
	 * The bill of two margheritas at table T4, as the cashier answers an opening of it.
	 * @param created whether the opening created it, or found it open
	 */
	private Bill margheritasForTwoOpened(boolean created) {
		Bill bill = Bills.margheritasForTwo();
		given(this.cashier.open(eq(bill.getOrderId()), eq("T4"), anyList()))
			.willReturn(new Cashier.Opening(bill, created));
		return bill;
	}

	private ResultActions postBill(String body) throws Exception {
		return this.mvc.perform(post("/internal/bills").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
