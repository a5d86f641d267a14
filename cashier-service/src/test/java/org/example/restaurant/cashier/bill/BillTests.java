package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.example.restaurant.cashier.bill.Bills.PAID_AT;
import static org.example.restaurant.cashier.bill.Bills.TEN_PERCENT_INCLUDED;
import static org.example.restaurant.cashier.bill.Bills.TEN_PERCENT_ON_TOP;
import static org.example.restaurant.cashier.bill.Bills.eur;

class BillTests {

	@Test
	void opensWithTheOrderLinesAndAllOfTheTotalDue() {
		Bill bill = Bills.margheritasForTwo();

		assertThat(bill.getStatus()).isEqualTo(BillStatus.OPEN);
		assertThat(bill.getTable()).isEqualTo("T4");
		assertThat(bill.getCurrency()).isEqualTo("EUR");
		assertThat(bill.getLines()).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Margherita");
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.unitPrice()).isEqualTo(eur("9.50"));
			assertThat(line.lineTotal()).isEqualTo(eur("19.00"));
		});
		assertThat(bill.getTotal()).isEqualTo(eur("19.00"));
		assertThat(bill.getPaid()).isEqualTo(eur("0.00"));
		assertThat(bill.getBalanceDue()).isEqualTo(eur("19.00"));
		assertThat(bill.getPayments()).isEmpty();
		assertThat(bill.getPaidAt()).isNull();
	}

	@Test
	void recordsTheTaxRuleItWasComputedWith() {
		assertThat(Bills.open(TEN_PERCENT_ON_TOP, BillLine.of("Soup", 1, eur("5.00"))).getTaxRule())
			.contains(TEN_PERCENT_ON_TOP);
		assertThat(Bills.margheritasForTwo().getTaxRule()).contains(TEN_PERCENT_INCLUDED);
	}

	@Test
	void takesTheTaxOutOfPricesThatIncludeIt() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED, BillLine.of("Margherita", 1, eur("9.50")));

		// 9.50 - 9.50 / 1.10 = 0.8636... -> 0.86
		assertTotals(bill, "8.64", "0.86", "9.50");
	}

	@Test
	void roundsTaxIncludedInPricesHalfUpToCents() {
		TaxRule twentyPercentIncluded = new TaxRule(eur("0.20"), true);

		// 12.15 - 12.15 / 1.20 = 2.025 exactly: half-up gives 2.03 (half-even would give
		// 2.02)
		Bill bill = Bills.open(twentyPercentIncluded, BillLine.of("Wine", 1, eur("12.15")));

		assertTotals(bill, "10.12", "2.03", "12.15");
	}

	@Test
	void addsTaxOnTopOfPricesThatExcludeIt() {
		Bill bill = Bills.open(TEN_PERCENT_ON_TOP, BillLine.of("Margherita", 2, eur("9.50")),
				BillLine.of("Tiramisu", 1, eur("6.00")));

		assertTotals(bill, "25.00", "2.50", "27.50");
		assertThat(bill.getBalanceDue()).isEqualTo(eur("27.50"));
	}

	@Test
	void roundsTaxAddedOnTopHalfUpToCents() {
		// 12.25 * 0.10 = 1.225: half-up gives 1.23 (half-even would give 1.22)
		Bill bill = Bills.open(TEN_PERCENT_ON_TOP, BillLine.of("Lasagne", 1, eur("12.25")));

		assertThat(bill.getTax()).isEqualTo(eur("1.23"));
		assertThat(bill.getTotal()).isEqualTo(eur("13.48"));
	}

	@Test
	void keepsSubtotalPlusTaxEqualToTotalInBothModes() {
		for (TaxRule rule : List.of(TEN_PERCENT_INCLUDED, TEN_PERCENT_ON_TOP, new TaxRule(eur("0.07"), true))) {
			Bill bill = Bills.open(rule, BillLine.of("Espresso", 3, eur("1.35")), BillLine.of("Water", 1, eur("2.99")));

			assertThat(bill.getSubtotal().add(bill.getTax())).as(rule.toString()).isEqualTo(bill.getTotal());
			assertThat(List.of(bill.getSubtotal(), bill.getTax(), bill.getTotal()))
				.allSatisfy((amount) -> assertThat(amount.scale()).isEqualTo(2));
		}
	}

	@Test
	void opensABillWithNothingToPayAsPaid() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED, BillLine.of("Tap water", 2, eur("0.00")));

		assertThat(bill.getStatus()).isEqualTo(BillStatus.PAID);
		assertThat(bill.getPaidAt()).isEqualTo(Bills.OPENED_AT);
	}

	@Test
	void refusesToOpenABillWithoutLines() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Bill.open(UUID.randomUUID(), "T4", "EUR", List.of(), TEN_PERCENT_INCLUDED, PAID_AT));
	}

	@Test
	void staysOpenAfterAPaymentThatLeavesABalance() {
		Bill bill = Bills.margheritasForTwo();

		Payment payment = bill.pay(PaymentMethod.CARD, eur("10"), null, null, "301", PAID_AT);

		assertThat(payment.getAmount()).isEqualTo(eur("10.00"));
		assertThat(payment.getTip()).isEqualTo(eur("0.00"));
		assertThat(payment.getPaidAt()).isEqualTo(PAID_AT);
		assertThat(bill.getStatus()).isEqualTo(BillStatus.OPEN);
		assertThat(bill.getPaid()).isEqualTo(eur("10.00"));
		assertThat(bill.getBalanceDue()).isEqualTo(eur("9.00"));
		assertThat(bill.getPaidAt()).isNull();
	}

	@Test
	void marksTheBillPaidWithThePaymentThatCoversTheBalance() {
		Bill bill = Bills.margheritasForTwo();

		Payment first = bill.pay(PaymentMethod.CARD, eur("9.50"), eur("1.00"), null, "301", Bills.OPENED_AT);
		Payment second = bill.pay(PaymentMethod.CASH, eur("9.50"), null, eur("10.00"), "301", PAID_AT);

		assertThat(bill.getStatus()).isEqualTo(BillStatus.PAID);
		assertThat(bill.getPaidAt()).isEqualTo(PAID_AT);
		assertThat(bill.getPaid()).isEqualTo(eur("19.00"));
		assertThat(bill.getBalanceDue()).isEqualTo(eur("0.00"));
		assertThat(bill.getPayments()).containsExactly(first, second);
	}

	@Test
	void refusesAPaymentOnAPaidBillAndChangesNothing() {
		Bill bill = Bills.costing("20.00");
		bill.pay(PaymentMethod.CARD, eur("20.00"), null, null, "301", PAID_AT);

		BillAlreadyPaid refused = assertRefusesACardPaymentOf("1.00", bill, BillAlreadyPaid.class);

		assertThat(refused.getBillId()).isEqualTo(bill.getId());
		assertThat(bill.getPayments()).hasSize(1);
		assertThat(bill.getPaid()).isEqualTo(eur("20.00"));
	}

	@Test
	void refusesToTakeMoreThanTheBalanceDueAndChangesNothing() {
		Bill bill = Bills.costing("20.00");
		bill.pay(PaymentMethod.CARD, eur("15.00"), null, null, "301", PAID_AT);

		PaymentExceedsBalance refused = assertRefusesACardPaymentOf("5.01", bill, PaymentExceedsBalance.class);

		assertThat(refused.getBalanceDue()).isEqualTo(eur("5.00"));
		assertThat(bill.getPayments()).hasSize(1);
		assertThat(bill.getBalanceDue()).isEqualTo(eur("5.00"));
		assertThat(bill.getStatus()).isEqualTo(BillStatus.OPEN);
	}

	@Test
	void givesChangeForCashBeyondAmountAndTip() {
		Bill bill = Bills.costing("20.00");

		Payment payment = bill.pay(PaymentMethod.CASH, eur("20.00"), eur("2.00"), eur("25.00"), "301", PAID_AT);

		assertThat(payment.getTendered()).isEqualTo(eur("25.00"));
		assertThat(payment.getChange()).isEqualTo(eur("3.00"));
		assertThat(payment.getTip()).isEqualTo(eur("2.00"));
		assertThat(bill.getStatus()).isEqualTo(BillStatus.PAID);
	}

	@Test
	void takesCashWithoutATenderedAmountAsExactMoney() {
		Bill bill = Bills.costing("20.00");

		Payment payment = bill.pay(PaymentMethod.CASH, eur("12.00"), eur("1.50"), null, "301", PAID_AT);

		assertThat(payment.getTendered()).isEqualTo(eur("13.50"));
		assertThat(payment.getChange()).isEqualTo(eur("0.00"));
	}

	@Test
	void refusesCashTenderedBelowAmountPlusTip() {
		Bill bill = Bills.costing("20.00");

		assertThatExceptionOfType(CashTenderedTooLow.class)
			.isThrownBy(() -> bill.pay(PaymentMethod.CASH, eur("20.00"), eur("2.00"), eur("21.99"), "301", PAID_AT));
		assertThat(bill.getPayments()).isEmpty();
		assertThat(bill.getBalanceDue()).isEqualTo(eur("20.00"));
	}

	@Test
	void takesACardPaymentWithoutTenderedOrChange() {
		Bill bill = Bills.costing("20.00");

		Payment payment = bill.pay(PaymentMethod.CARD, eur("20.00"), eur("3.00"), null, "301", PAID_AT);

		assertThat(payment.getMethod()).isEqualTo(PaymentMethod.CARD);
		assertThat(payment.getTendered()).isNull();
		assertThat(payment.getChange()).isNull();
		assertThat(bill.getPaid()).as("a tip does not count against the bill").isEqualTo(eur("20.00"));
	}

	@Test
	void refusesATenderedAmountForACard() {
		Bill bill = Bills.costing("20.00");

		assertThatExceptionOfType(InvalidPayment.class)
			.isThrownBy(() -> bill.pay(PaymentMethod.CARD, eur("20.00"), null, eur("20.00"), "301", PAID_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("tendered"));
		assertThat(bill.getPayments()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1.00", "1.001" })
	void refusesAnAmountThatIsNotPositiveWholeCents(String amount) {
		Bill bill = Bills.costing("20.00");

		assertThatExceptionOfType(InvalidPayment.class)
			.isThrownBy(() -> bill.pay(PaymentMethod.CARD, eur(amount), null, null, "301", PAID_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("amount"));
		assertThat(bill.getPayments()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0.01", "0.005" })
	void refusesATipThatIsNegativeOrNotWholeCents(String tip) {
		Bill bill = Bills.costing("20.00");

		assertThatExceptionOfType(InvalidPayment.class)
			.isThrownBy(() -> bill.pay(PaymentMethod.CARD, eur("1.00"), eur(tip), null, "301", PAID_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("tip"));
	}

	@Test
	void refusesAPaymentWithoutAMethod() {
		Bill bill = Bills.costing("20.00");

		assertThatExceptionOfType(InvalidPayment.class)
			.isThrownBy(() -> bill.pay(null, eur("1.00"), null, null, "301", PAID_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("method"));
	}

	@Test
	void findsItsOwnPaymentsOnly() {
		Bill bill = Bills.costing("20.00");
		Payment payment = bill.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);

		assertThat(bill.findPayment(payment.getId())).contains(payment);
		assertThat(bill.findPayment(UUID.randomUUID())).isEmpty();
	}

	@Test
	void refusesLinesThatAreNotWholeCentsOrEmpty() {
		assertThatIllegalArgumentException().isThrownBy(() -> BillLine.of("Soup", 1, new BigDecimal("4.999")));
		assertThatIllegalArgumentException().isThrownBy(() -> BillLine.of("Soup", 0, new BigDecimal("4.99")));
		assertThatIllegalArgumentException().isThrownBy(() -> BillLine.of(" ", 1, new BigDecimal("4.99")));
	}

	@Test
	void registersBillPaidWithThePaymentThatCoversTheBalance() {
		Bill bill = Bills.margheritasForTwo();
		bill.pay(PaymentMethod.CARD, eur("9.50"), eur("1.00"), null, "301", Bills.OPENED_AT);

		bill.pay(PaymentMethod.CASH, eur("9.50"), null, eur("10.00"), "301", PAID_AT);

		assertThat(bill.pendingEvents()).filteredOn(BillPaid.class::isInstance)
			.containsExactly(new BillPaid(bill.getId(), bill.getOrderId(), PAID_AT));
	}

	@Test
	void registersEachPaymentTakenWithItsMethodAndAmountWithoutTheTip() {
		Bill bill = Bills.margheritasForTwo();

		Payment card = bill.pay(PaymentMethod.CARD, eur("9.5"), eur("1.00"), null, "301", Bills.OPENED_AT);
		Payment cash = bill.pay(PaymentMethod.CASH, eur("9.50"), null, eur("10.00"), "301", PAID_AT);

		assertThat(bill.pendingEvents()).filteredOn(PaymentTaken.class::isInstance)
			.containsExactly(new PaymentTaken(bill.getId(), card.getId(), PaymentMethod.CARD, eur("9.50")),
					new PaymentTaken(bill.getId(), cash.getId(), PaymentMethod.CASH, eur("9.50")));
	}

	@Test
	void registersOnlyThePaymentForAPaymentThatLeavesABalance() {
		Bill bill = Bills.costing("20.00");

		Payment payment = bill.pay(PaymentMethod.CARD, eur("19.99"), null, null, "301", PAID_AT);

		assertThat(bill.pendingEvents())
			.containsExactly(new PaymentTaken(bill.getId(), payment.getId(), PaymentMethod.CARD, eur("19.99")));
	}

	@Test
	void registersNoEventWhenOpenedWithSomethingToPay() {
		assertThat(Bills.costing("20.00").pendingEvents()).isEmpty();
	}

	@Test
	void registersBillPaidWhenOpenedWithNothingToPay() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED, BillLine.of("Tap water", 2, eur("0.00")));

		assertThat(bill.pendingEvents())
			.containsExactly(new BillPaid(bill.getId(), bill.getOrderId(), Bills.OPENED_AT));
	}

	@Test
	void registersNoFurtherEventWhenAPaymentOnThePaidBillIsRefused() {
		Bill bill = Bills.costing("20.00");
		bill.pay(PaymentMethod.CARD, eur("20.00"), null, null, "301", PAID_AT);

		assertThatExceptionOfType(BillAlreadyPaid.class)
			.isThrownBy(() -> bill.pay(PaymentMethod.CARD, eur("1.00"), null, null, "301", PAID_AT));

		assertThat(bill.pendingEvents()).as("only the covering payment and its BillPaid").hasSize(2);
	}

	/**
	 * Has the bill refuse a card payment of {@code amount}, and checks that the refusal
	 * changed nothing: no payment more, as much paid and due as before.
	 * @return the refusal
	 */
	private static <E extends RuntimeException> E assertRefusesACardPaymentOf(String amount, Bill bill,
			Class<E> refusal) {
		List<Payment> payments = List.copyOf(bill.getPayments());
		BigDecimal paid = bill.getPaid();
		BigDecimal due = bill.getBalanceDue();

		E refused = catchThrowableOfType(refusal,
				() -> bill.pay(PaymentMethod.CARD, eur(amount), null, null, "301", PAID_AT));

		assertThat(refused).as("refused with " + refusal.getSimpleName()).isNotNull();
		assertThat(bill.getPayments()).isEqualTo(payments);
		assertThat(bill.getPaid()).isEqualTo(paid);
		assertThat(bill.getBalanceDue()).isEqualTo(due);
		return refused;
	}

	/** The amounts at the foot of the bill, each to the cent (its scale too). */
	private static void assertTotals(Bill bill, String subtotal, String tax, String total) {
		assertThat(bill.getSubtotal()).as("subtotal").isEqualTo(eur(subtotal));
		assertThat(bill.getTax()).as("tax").isEqualTo(eur(tax));
		assertThat(bill.getTotal()).as("total").isEqualTo(eur(total));
	}

}
