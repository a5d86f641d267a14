package org.example.restaurant.platform.polling;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service new to polling, with no migration of its own: the platform's migration makes
 * {@code list_version}, and each of its lists gets a row at start, so the contract holds.
 */
@TestPropertySource(properties = { "restaurant.polling.enabled=true", "restaurant.polling.lists=bills, payments",
		"spring.datasource.url=jdbc:h2:mem:platform-polling;DB_CLOSE_DELAY=-1", "spring.flyway.locations=" })
class NewServiceListVersionsTests extends ListVersionsContract {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void madeARowForEachListAndNoOther() {
		assertThat(this.jdbc.queryForList("select name from list_version order by name", String.class))
			.containsExactly("bills", "payments");
	}

	@SpringBootConfiguration
	static class Service {

	}

}
