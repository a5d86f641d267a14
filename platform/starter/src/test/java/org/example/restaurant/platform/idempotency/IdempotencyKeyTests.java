package org.example.restaurant.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotencyKeyTests {

	@Test
	void takesABareToken() {
		assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324").value())
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
	}

	@Test
	void takesAStructuredFieldStringAsTheSameKey() {
		assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
			.isEqualTo(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"));
		assertThat(IdempotencyKey.parse("\"say \\\"hi\\\" \\\\ bye\"").value()).isEqualTo("say \"hi\" \\ bye");
	}

	@Test
	void takesEveryPrintableAsciiCharacterUpTo255() {
		assertThat(IdempotencyKey.parse("a b~!#$%&'()*+,-./:;<=>?@[]^_`{|}").value()).hasSize(33);
		assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "\"\"", "caf\u00e9", "tab\there", "line\nbreak", "\"unterminated\\\"",
			"\"bad \\n escape\"", "\"inner \" quote\"" })
	void refusesAKeyThatIsEmptyNotPrintableAsciiOrBadlyQuoted(String header) {
		assertThatExceptionOfType(InvalidIdempotencyKey.class).isThrownBy(() -> IdempotencyKey.parse(header))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(400);
				assertThat(ex.getBody().getDetail()).contains("Idempotency-Key");
			});
	}

	@Test
	void refusesAKeyLongerThan255Characters() {
		assertThatExceptionOfType(InvalidIdempotencyKey.class).isThrownBy(() -> IdempotencyKey.parse("k".repeat(256)))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("1 to 255"));
	}

}
