package org.example.restaurant.cashier.bill;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.example.restaurant.platform.idempotency.Fingerprint;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.BDDMockito.BDDMyOngoingStubbing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.security.test.context.support.WithMockUser;

import static org.example.restaurant.platform.test.ProblemResults.problem;
import static org.example.restaurant.platform.test.ProblemResults.invalid;
import static org.example.restaurant.cashier.bill.Bills.PAID_AT;
import static org.example.restaurant.cashier.bill.Bills.eur;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = BillController.class,
		properties = { "cashier.restaurant-name=Trattoria Uno", "cashier.zone=Europe/Paris" })
@WithMockUser(username = "301", roles = "CASHIER")
class BillControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BillRepository bills;

	@MockitoBean
	Cashier cashier;

	@MockitoBean
	IdempotentRequests idempotentRequests;

	@BeforeEach
	void runRequestsAsIfWithoutKey() {
		given(this.idempotentRequests.execute(any(), any(), any(), any()))
			.willAnswer((call) -> call.<Supplier<ResponseEntity<?>>>getArgument(3).get());
	}

	@Test
	void listsBillsWithTheFieldsOfTheApi() throws Exception {
		Bill bill = Bills.margheritasForTwo();
		Payment payment = bill.pay(PaymentMethod.CASH, eur("10.00"), eur("1.00"), eur("20.00"), "301", PAID_AT);
		given(this.bills.findAllByOrderByOpenedAtAscIdAsc()).willReturn(List.of(bill));

		this.mvc.perform(get("/api/bills"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("X-Instance-Id", "cashier-service:local"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(bill.getId().toString()))
			.andExpect(jsonPath("$[0].orderId").value(bill.getOrderId().toString()))
			.andExpect(jsonPath("$[0].table").value("T4"))
			.andExpect(jsonPath("$[0].currency").value("EUR"))
			.andExpect(jsonPath("$[0].lines[0].name").value("Margherita"))
			.andExpect(jsonPath("$[0].lines[0].quantity").value(2))
			.andExpect(jsonPath("$[0].lines[0].unitPrice").value(9.50))
			.andExpect(jsonPath("$[0].lines[0].lineTotal").value(19.00))
			.andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].payments[0].id").value(payment.getId().toString()))
			.andExpect(jsonPath("$[0].payments[0].method").value("CASH"))
			.andExpect(jsonPath("$[0].payments[0].paidAt").value("2026-11-25T19:20:00Z"))
			// money is written with exactly two decimals
			.andExpect(bodyWrites("\"unitPrice\":9.50", "\"subtotal\":17.27", "\"tax\":1.73", "\"total\":19.00",
					"\"paid\":10.00", "\"balanceDue\":9.00", "\"amount\":10.00", "\"tip\":1.00", "\"tendered\":20.00",
					"\"change\":9.00"));
	}

	@Test
	void filtersBillsByStatus() throws Exception {
		Bill paid = Bills.costing("5.00");
		paid.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);
		given(this.bills.findByStatusOrderByOpenedAtAscIdAsc(BillStatus.PAID)).willReturn(List.of(paid));

		this.mvc.perform(get("/api/bills").param("status", "PAID"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("PAID"));
	}

	@Test
	void filtersBillsByOrder() throws Exception {
		Bill bill = Bills.margheritasForTwo();
		given(this.bills.findByOrderId(bill.getOrderId())).willReturn(Optional.of(bill));

		this.mvc.perform(get("/api/bills").param("orderId", bill.getOrderId().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(bill.getId().toString()));
		this.mvc.perform(get("/api/bills").param("orderId", bill.getOrderId().toString()).param("status", "PAID"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void refusesAnUnknownStatusNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/bills").param("status", "LOST")).andExpect(invalid("status"));
	}

	@Test
	void showsOneBill() throws Exception {
		Bill bill = stored(Bills.margheritasForTwo());

		this.mvc.perform(get("/api/bills/{id}", bill.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(bill.getId().toString()))
			.andExpect(jsonPath("$.balanceDue").value(19.00))
			.andExpect(jsonPath("$.payments", hasSize(0)));
	}

	@Test
	void answersNotFoundForAnUnknownBill() throws Exception {
		UUID unknown = UUID.randomUUID();
		given(this.bills.findById(unknown)).willReturn(Optional.empty());

		this.mvc.perform(get("/api/bills/{id}", unknown))
			.andExpect(problem(HttpStatus.NOT_FOUND, unknown.toString()))
			.andExpect(header().string("X-Instance-Id", "cashier-service:local"));
	}

	@Test
	void refusesABillIdThatIsNotAUuidNamingIt() throws Exception {
		this.mvc.perform(get("/api/bills/{id}", "bill-42")).andExpect(invalid("id"));
	}

	@Test
	void takesAPaymentAndAnswersItWithItsLocation() throws Exception {
		Bill bill = Bills.costing("20.00");
		Payment payment = bill.pay(PaymentMethod.CASH, eur("20.00"), eur("2.00"), eur("25.00"), "301", PAID_AT);
		given(this.cashier.pay(bill.getId(), PaymentMethod.CASH, eur("20.00"), eur("2.00"), eur("25.00"), "301"))
			.willReturn(payment);

		this.mvc
			.perform(post("/api/bills/{id}/payments", bill.getId()).contentType(MediaType.APPLICATION_JSON).content("""
					{"method": "CASH", "amount": 20.00, "tip": 2.00, "tendered": 25.00}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/bills/" + bill.getId() + "/payments/" + payment.getId()))
			.andExpect(jsonPath("$.id").value(payment.getId().toString()))
			.andExpect(jsonPath("$.method").value("CASH"))
			.andExpect(jsonPath("$.paidAt").value("2026-11-25T19:20:00Z"))
			.andExpect(bodyWrites("\"amount\":20.00", "\"tip\":2.00", "\"tendered\":25.00", "\"change\":3.00"));
	}

	@Test
	void showsACardPaymentWithEmptyTenderedAndChange() throws Exception {
		Bill bill = Bills.costing("20.00");
		Payment payment = bill.pay(PaymentMethod.CARD, eur("20.00"), null, null, "301", PAID_AT);
		given(this.bills.findById(bill.getId())).willReturn(Optional.of(bill));

		this.mvc.perform(get("/api/bills/{id}/payments/{paymentId}", bill.getId(), payment.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("CARD"))
			.andExpect(bodyWrites("\"tip\":0.00", "\"tendered\":null", "\"change\":null"));
		this.mvc.perform(get("/api/bills/{id}/payments/{paymentId}", bill.getId(), UUID.randomUUID()))
			.andExpect(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void hasThePaymentRunOncePerIdempotencyKeyWithAFingerprintOfBillAndFields() throws Exception {
		Bill bill = Bills.costing("20.00");
		Payment payment = bill.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);
		givenAnyPayment().willReturn(payment);

		this.mvc
			.perform(post("/api/bills/{id}/payments", bill.getId()).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "till-1/receipt-42")
				.content("{\"method\": \"CARD\", \"amount\": 5}"))
			.andExpect(status().isCreated());

		then(this.idempotentRequests).should()
			.execute(eq("till-1/receipt-42"), eq("POST /api/bills/{id}/payments"),
					eq(Fingerprint.of(bill.getId(), PaymentMethod.CARD, eur("5.00"), eur("0"), null)), any());
	}

	@Test
	void printsTheReceiptAsPlainTextWithTheConfiguredNameAndZone() throws Exception {
		Bill bill = Bills.margheritasForTwo();
		bill.pay(PaymentMethod.CASH, eur("19.00"), null, eur("20.00"), "301", PAID_AT);
		given(this.bills.findById(bill.getId())).willReturn(Optional.of(bill));

		this.mvc.perform(get("/api/bills/{id}/receipt", bill.getId()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
			.andExpect(header().string("X-Instance-Id", "cashier-service:local"))
			.andExpect(bodyWrites("Trattoria Uno", "Paid   2026-11-25 20:20 Europe/Paris",
					"  Change                              1.00"));
	}

	@Test
	void answersNotFoundForTheReceiptOfAnUnknownBill() throws Exception {
		UUID unknown = UUID.randomUUID();
		given(this.bills.findById(unknown)).willReturn(Optional.empty());

		this.mvc.perform(get("/api/bills/{id}/receipt", unknown).accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/bills/{id}/receipt", unknown)).andExpect(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void showsTheTaxRuleABillWasComputedWith() throws Exception {
		Bill bill = stored(Bills.margheritasForTwo());

		this.mvc.perform(get("/api/bills/{id}", bill.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"taxRate\":0.10")))
			.andExpect(jsonPath("$.pricesIncludeTax").value(true));
	}

	@Test
	void answersNotFoundForAPaymentOnAnUnknownBill() throws Exception {
		UUID unknown = UUID.randomUUID();
		givenAnyPayment().willThrow(new BillNotFound(unknown));

		this.mvc.perform(payment(unknown, "{\"method\": \"CARD\", \"amount\": 5.00}"))
			.andExpect(problem(HttpStatus.NOT_FOUND));
	}

	@Test
	void answersConflictForAPaymentOnAPaidBill() throws Exception {
		UUID billId = UUID.randomUUID();
		givenAnyPayment().willThrow(new BillAlreadyPaid(billId));

		this.mvc.perform(payment(billId, "{\"method\": \"CARD\", \"amount\": 5.00}"))
			.andExpect(problem(HttpStatus.CONFLICT))
			.andExpect(jsonPath("$.title").value("Conflict"))
			.andExpect(jsonPath("$.detail").value(containsString(billId.toString())));
	}

	@Test
	void answersConflictWhenTheBillChangedUnderThePaymentOrStayedLocked() throws Exception {
		UUID billId = UUID.randomUUID();
		givenAnyPayment().willThrow(new ObjectOptimisticLockingFailureException(Bill.class, billId))
			.willThrow(new CannotAcquireLockException("Timeout trying to lock table"));

		for (int attempt = 0; attempt < 2; attempt++) {
			this.mvc.perform(payment(billId, "{\"method\": \"CARD\", \"amount\": 5.00}"))
				.andExpect(problem(HttpStatus.CONFLICT))
				.andExpect(jsonPath("$.title").value("Concurrent change"));
		}
	}

	@Test
	void answersUnprocessableForAPaymentAboveTheBalance() throws Exception {
		UUID billId = UUID.randomUUID();
		givenAnyPayment().willThrow(new PaymentExceedsBalance(billId, eur("50.00"), eur("19.00")));

		this.mvc.perform(payment(billId, "{\"method\": \"CARD\", \"amount\": 50.00}"))
			.andExpect(problem(HttpStatus.UNPROCESSABLE_CONTENT))
			.andExpect(jsonPath("$.balanceDue").value(19.00))
			.andExpect(jsonPath("$.detail").value(containsString("19.00")));
	}

	@Test
	void answersUnprocessableForCashThatDoesNotCoverAmountAndTipNamingTendered() throws Exception {
		UUID billId = UUID.randomUUID();
		givenAnyPayment().willThrow(new CashTenderedTooLow(billId, eur("10.00"), eur("12.00")));

		this.mvc
			.perform(payment(billId, "{\"method\": \"CASH\", \"amount\": 10.00, \"tip\": 2.00, \"tendered\": 10.00}"))
			.andExpect(problem(HttpStatus.UNPROCESSABLE_CONTENT))
			.andExpect(jsonPath("$.errors[0].field").value("tendered"));
	}

	@Test
	void refusesATenderedAmountForACardNamingTheField() throws Exception {
		UUID billId = UUID.randomUUID();
		givenAnyPayment().willThrow(new InvalidPayment("tendered", "must be empty for a CARD payment"));

		this.mvc.perform(payment(billId, "{\"method\": \"CARD\", \"amount\": 10.00, \"tendered\": 10.00}"))
			.andExpect(invalid("tendered"));
	}

	@Test
	void refusesAZeroAmountNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"CARD\", \"amount\": 0}", "amount");
	}

	@Test
	void refusesAnAmountWithMoreThanTwoDecimalsNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"CARD\", \"amount\": 20.001}", "amount");
	}

	@Test
	void refusesAMissingAmountNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"CARD\"}", "amount");
	}

	@Test
	void refusesAnAmountThatIsNotANumberNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"CARD\", \"amount\": \"lots\"}", "amount");
	}

	@Test
	void refusesANegativeTipNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"CARD\", \"amount\": 5.00, \"tip\": -1.00}", "tip");
	}

	@Test
	void refusesAnUnknownMethodNamingTheField() throws Exception {
		assertRefusedNaming("{\"method\": \"BITCOIN\", \"amount\": 5.00}", "method");
	}

	@Test
	void refusesAMissingMethodNamingTheField() throws Exception {
		assertRefusedNaming("{\"amount\": 5.00}", "method");
	}

	@Test
	void refusesABodyThatIsNotJson() throws Exception {
		this.mvc.perform(payment(UUID.randomUUID(), "{\"method\": ")).andExpect(problem(HttpStatus.BAD_REQUEST));
		thenNoPaymentWasTaken();
	}

	@Test
	void takesThePaymentInTheNameOfTheSignedInCashier() throws Exception {
		Bill bill = Bills.margheritasForTwo();
		Payment payment = bill.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);
		givenAnyPayment().willReturn(payment);

		this.mvc.perform(payment(bill.getId(), "{\"method\": \"CARD\", \"amount\": 5.00}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.takenBy").value("301"));
		then(this.cashier).should().pay(bill.getId(), PaymentMethod.CARD, eur("5.00"), null, null, "301");
	}

	@Test
	@WithMockUser(username = "101", roles = "WAITER")
	void aWaiterReadsBillsButTakesNoPayment() throws Exception {
		given(this.bills.findAllByOrderByOpenedAtAscIdAsc()).willReturn(List.of());
		this.mvc.perform(get("/api/bills")).andExpect(status().isOk());
		this.mvc.perform(payment(UUID.randomUUID(), "{\"method\": \"CARD\", \"amount\": 5.00}"))
			.andExpect(problem(HttpStatus.FORBIDDEN));
		thenNoPaymentWasTaken();
	}

	@Test
	@WithMockUser(username = "201", roles = "COOK")
	void aCookReadsNoBill() throws Exception {
		this.mvc.perform(get("/api/bills")).andExpect(problem(HttpStatus.FORBIDDEN));
		then(this.bills).shouldHaveNoInteractions();
	}

	/**
	 * The body holds each fragment as written, such as an amount with exactly two
	 * decimals.
	 */
	private static ResultMatcher bodyWrites(String... fragments) {
		return (result) -> {
			for (String fragment : fragments) {
				content().string(containsString(fragment)).match(result);
			}
		};
	}

	/**
	 * The bill as the repository finds it by its id.
	 */
	private Bill stored(Bill bill) {
		given(this.bills.findById(bill.getId())).willReturn(Optional.of(bill));
		return bill;
	}

	private BDDMyOngoingStubbing<Payment> givenAnyPayment() {
		return given(this.cashier.pay(any(), any(), any(), any(), any(), any()));
	}

	private void thenNoPaymentWasTaken() {
		then(this.cashier).should(never()).pay(any(), any(), any(), any(), any(), any());
	}

	private void assertRefusedNaming(String body, String field) throws Exception {
		this.mvc.perform(payment(UUID.randomUUID(), body))
			.andExpect(invalid(field))
			.andExpect(header().string("X-Instance-Id", "cashier-service:local"));
		thenNoPaymentWasTaken();
	}

	private static org.springframework.test.web.servlet.RequestBuilder payment(UUID billId, String body) {
		return post("/api/bills/{id}/payments", billId).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CashierSettings.class)
	static class Settings {

	}

}
