package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.cashier.bill.Bills.eur;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The till with its settings: what configuration says is what a new bill gets.
 */
class CashierTests {

	static final Instant NOW = Instant.parse("2026-11-25T19:00:00.123456789Z");

	BillRepository bills = mock(BillRepository.class);

	@Test
	void opensBillsInTheConfiguredCurrencyWithTaxAddedOnTopWhenPricesExcludeIt() {
		Cashier cashier = cashier(new CashierSettings("USD", eur("0.08"), false, "Diner", ZoneId.of("UTC")));
		given(this.bills.findByOrderId(any())).willReturn(Optional.empty());

		Bill bill = cashier.open(UUID.randomUUID(), "T1", List.of(BillLine.of("Burger", 2, eur("12.50")))).bill();

		assertThat(bill.getCurrency()).isEqualTo("USD");
		assertThat(bill.getSubtotal()).isEqualTo(eur("25.00"));
		assertThat(bill.getTax()).isEqualTo(eur("2.00"));
		assertThat(bill.getTotal()).isEqualTo(eur("27.00"));
		assertThat(bill.getTaxRule()).contains(new TaxRule(new BigDecimal("0.08"), false));
		assertThat(bill.getOpenedAt()).as("in microseconds, as stored").isEqualTo("2026-11-25T19:00:00.123456Z");
		then(this.bills).should().saveAndFlush(bill);
	}

	@Test
	void opensBillsWithTaxIncludedInPricesWhenConfiguredSo() {
		Cashier cashier = cashier(new CashierSettings("EUR", eur("0.20"), true, "Bistro", ZoneId.of("UTC")));
		given(this.bills.findByOrderId(any())).willReturn(Optional.empty());

		Bill bill = cashier.open(UUID.randomUUID(), "T1", List.of(BillLine.of("Wine", 1, eur("12.15")))).bill();

		assertThat(bill.getTotal()).isEqualTo(eur("12.15"));
		assertThat(bill.getTax()).isEqualTo(eur("2.03"));
	}

	private Cashier cashier(CashierSettings settings) {
		return new Cashier(this.bills, settings, Clock.fixed(NOW, ZoneOffset.UTC),
				mock(PlatformTransactionManager.class), mock(ObjectProvider.class));
	}

}
