package org.example.restaurant.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTests {

	@Test
	void keepsTwoDecimals() {
		assertThat(Money.of(new BigDecimal("9.5"))).hasToString("9.50");
		assertThat(Money.of(new BigDecimal("3"))).hasToString("3.00");
	}

	@Test
	void roundsHalfUpToTheCent() {
		assertThat(Money.of(new BigDecimal("2.345"))).hasToString("2.35");
		assertThat(Money.of(new BigDecimal("2.344"))).hasToString("2.34");
	}

	@Test
	void multipliesAUnitPriceByAQuantity() {
		assertThat(Money.times(new BigDecimal("9.50"), 3)).hasToString("28.50");
	}

	@Test
	void addsAmounts() {
		assertThat(Money.plus(Money.ZERO, new BigDecimal("2.4"))).hasToString("2.40");
	}

}
