package org.example.restaurant.platform.catalogue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's titles, written out here: the gateway and every service answer with
 * them.
 */
class ProblemTitleTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			400 | Invalid request
			401 | Not signed in
			403 | Not allowed
			404 | Not found
			405 | Method not allowed
			406 | Not acceptable
			409 | Conflict
			413 | Request too large
			415 | Unsupported media type
			422 | Request refused
			429 | Too many requests
			500 | Internal error
			502 | Bad gateway
			503 | Service unavailable
			504 | Gateway timeout
			""")
	void givesEachStatusTheCataloguesTitle(int status, String title) {
		assertThat(ProblemTitle.of(HttpStatusCode.valueOf(status))).isEqualTo(title);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			CONFLICT          | 409 | Conflict
			CONCURRENT_CHANGE | 409 | Concurrent change
			""")
	void knowsBothKindsOf409(ProblemTitle entry, int status, String title) {
		assertThat(entry.status().value()).isEqualTo(status);
		assertThat(entry.title()).isEqualTo(title);
	}

}
