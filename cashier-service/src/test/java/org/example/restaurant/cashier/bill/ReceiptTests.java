package org.example.restaurant.cashier.bill;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.cashier.bill.Bills.PAID_AT;
import static org.example.restaurant.cashier.bill.Bills.TEN_PERCENT_INCLUDED;
import static org.example.restaurant.cashier.bill.Bills.TEN_PERCENT_ON_TOP;
import static org.example.restaurant.cashier.bill.Bills.eur;

class ReceiptTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void printsAPaidBillSplitBetweenCashAndCardWithTipAndChange() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED, BillLine.of("Margherita", 2, eur("9.50")),
				BillLine.of("Lemonade with fresh mint and a slice of lime", 1, eur("3.50")));
		bill.pay(PaymentMethod.CASH, eur("10.00"), null, eur("20.00"), "301", PAID_AT.minusSeconds(600));
		bill.pay(PaymentMethod.CARD, eur("12.50"), eur("2.00"), null, "301", PAID_AT);

		String receipt = Receipt.print(bill, "Trattoria Uno", PARIS);

		assertThat(receipt).isEqualTo("""
				              Trattoria Uno
				==========================================
				Table T4
				Bill %s
				Opened 2026-11-25 20:00 Europe/Paris
				Paid   2026-11-25 20:20 Europe/Paris
				------------------------------------------
				2 x Margherita                       19.00
				1 x Lemonade with fresh mint          3.50
				    and a slice of lime
				------------------------------------------
				Subtotal                             20.45
				Tax 10%% (included)                    2.05
				TOTAL EUR                            22.50
				------------------------------------------
				CASH  2026-11-25 20:10               10.00
				  Tendered                           20.00
				  Change                             10.00
				CARD  2026-11-25 20:20               12.50
				  Tip                                 2.00
				------------------------------------------
				Paid                                 22.50
				Tips (not in the total)               2.00
				==========================================
				                   PAID
				""".formatted(bill.getId()));
	}

	@Test
	void printsTheBalanceDueOfAnOpenBillAndTaxAddedOnTop() {
		Bill bill = Bills.open(TEN_PERCENT_ON_TOP, BillLine.of("Lasagne", 1, eur("12.25")));
		bill.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);

		String receipt = Receipt.print(bill, "The Restaurant", ZoneId.of("UTC"));

		assertThat(receipt).contains("Opened 2026-11-25 19:00 UTC\n")
			.doesNotContain("Paid   2026")
			.contains("Tax 10%                               1.23\n")
			.contains("TOTAL EUR                            13.48\n")
			.contains("Tips (not in the total)               0.00\n")
			.endsWith("BALANCE DUE EUR                       8.48\n")
			.doesNotContain("PAID");
	}

	@Test
	void printsABillWithoutPayments() {
		Bill bill = Bills.margheritasForTwo();

		String receipt = Receipt.print(bill, "The Restaurant", ZoneId.of("UTC"));

		assertThat(receipt).doesNotContain("CASH", "CARD", "Tips")
			.endsWith("BALANCE DUE EUR                      19.00\n");
		assertThat(receipt.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(Receipt.WIDTH));
	}

	@Test
	void keepsEveryLineWithinTheWidthWhateverTheNames() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED,
				BillLine.of("Supercalifragilisticexpialidocious-pizza-with-everything-on-it", 99, eur("99.99")),
				BillLine.of("x", 1, eur("0.50")));

		String receipt = Receipt.print(bill, "A restaurant whose name is far too long for one receipt line",
				ZoneId.of("UTC"));

		assertThat(receipt.lines()).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(Receipt.WIDTH));
		assertThat(receipt).contains("99 x Supercalifragilisticexpial    9899.01\n")
			.contains("     idocious-pizza-with-everyt\n")
			.contains("1 x x                                 0.50\n");
		assertThat(UUID.fromString(
				receipt.lines().filter((line) -> line.startsWith("Bill ")).findFirst().orElseThrow().substring(5)))
			.isEqualTo(bill.getId());
	}

}
