package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.cashier.Api;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of bills through the API of the running service (a
 * {@code CashierServiceTest}) stand on: an {@link Api} on the service's port, the
 * service's database, and bills opened as the order-service has them opened.
 */
abstract class BillsThroughTheApi {

	@LocalServerPort
	int port;

	@Autowired
	Cashier cashier;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	/**
	 * Opens the bill of a served order at table T4: one line, a tasting menu costing
	 * {@code total}, tax included.
	 */
	Bill openBill(String total) {
		return this.cashier
			.open(UUID.randomUUID(), "T4", List.of(BillLine.of("Tasting menu", 1, new BigDecimal(total))))
			.bill();
	}

}
