package org.example.restaurant.cashier.bill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.example.restaurant.cashier.bill.Bills.eur;

class TaxRuleTests {

	@Test
	void readsTheSameRateWhateverItsTrailingZeros() {
		assertThat(new TaxRule(eur("0.1000"), true)).isEqualTo(new TaxRule(eur("0.10"), true));
		assertThat(new TaxRule(eur("0.1"), true).rate()).hasToString("0.10");
		assertThat(new TaxRule(eur("0.0825"), true).rate()).hasToString("0.0825");
	}

	@Test
	void showsTheRateAsAPercentage() {
		assertThat(new TaxRule(eur("0.10"), true).percent()).isEqualTo("10");
		assertThat(new TaxRule(eur("0.075"), false).percent()).isEqualTo("7.5");
		assertThat(new TaxRule(eur("0"), false).percent()).isEqualTo("0");
	}

	@Test
	void refusesANegativeRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaxRule(eur("-0.01"), true));
	}

	@Test
	void chargesNoTaxAtAZeroRate() {
		TaxRule.Totals totals = new TaxRule(eur("0"), true).apply(eur("12.34"));

		assertThat(totals.tax()).hasToString("0.00");
		assertThat(totals.subtotal()).hasToString("12.34");
		assertThat(totals.total()).hasToString("12.34");
	}

}
