package org.example.restaurant.platform.idempotency;

import java.math.BigDecimal;
import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTests {

	@Test
	void isTheSha256OfTheFieldsInHex() {
		assertThat(Fingerprint.of("a").sha256()).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void comparesAmountsByValue() {
		assertThat(Fingerprint.of(new BigDecimal("20"), "x")).isEqualTo(Fingerprint.of(new BigDecimal("20.00"), "x"));
		assertThat(Fingerprint.of(new BigDecimal("0.00"))).isEqualTo(Fingerprint.of(BigDecimal.ZERO));
		assertThat(Fingerprint.of(new BigDecimal("20.01"))).isNotEqualTo(Fingerprint.of(new BigDecimal("20.1")));
	}

	@Test
	void tellsFieldsApartWhereverTheyAreSplit() {
		assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
		assertThat(Fingerprint.of("a", null)).isNotEqualTo(Fingerprint.of("a"));
		assertThat(Fingerprint.of((Object) null)).isNotEqualTo(Fingerprint.of("~"));
		assertThat(Fingerprint.of("1;", "2")).isNotEqualTo(Fingerprint.of("1", ";2"));
	}

	@Test
	void readsEnumsByName() {
		assertThat(Fingerprint.of(DayOfWeek.MONDAY)).isEqualTo(Fingerprint.of("MONDAY"));
		assertThat(Fingerprint.of(DayOfWeek.MONDAY)).isNotEqualTo(Fingerprint.of(DayOfWeek.TUESDAY));
	}

}
