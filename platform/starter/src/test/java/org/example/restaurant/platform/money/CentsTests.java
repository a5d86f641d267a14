package org.example.restaurant.platform.money;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CentsTests {

	@ParameterizedTest
	@CsvSource({ "0.005, 0.01", "0.015, 0.02", "0.025, 0.03", "2.0249, 2.02", "9.5, 9.50", "-0.005, -0.01", "7, 7.00" })
	void roundsToCentsHalfUp(String amount, String cents) {
		assertThat(Money.of(new BigDecimal(amount))).hasToString(cents);
	}

	@ParameterizedTest
	@CsvSource({ "1, 3, 0.33", "2, 3, 0.67", "0.05, 2, 0.03", "0.25, 0.5, 0.50" })
	void dividesWithOneHalfUpRoundingToCents(String dividend, String divisor, String quotient) {
		assertThat(Money.divide(new BigDecimal(dividend), new BigDecimal(divisor))).hasToString(quotient);
	}

	@ParameterizedTest
	@CsvSource({ "9.5, true", "9.500, true", "9.505, false", "100, true", "1E+2, true", "0.001, false" })
	void tellsWhetherAnAmountIsInWholeCents(String amount, boolean wholeCents) {
		assertThat(Money.isWholeCents(new BigDecimal(amount))).isEqualTo(wholeCents);
	}

}
