package org.example.restaurant.orders.order;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The real operations of {@link OrderManagement} on the real schema, with the kitchen
 * mocked. Each operation commits its own transaction as in production: a test runs
 * without one, so nothing is rolled back for it, and the orders are emptied after each
 * test. A subclass imports {@link OrderManagement} and what it watches.
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class OrderManagementOnTheSchema {

	@Autowired
	OrderManagement management;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoBean
	KitchenTickets kitchen;

	@AfterEach
	void emptyTheOrders() {
		this.jdbc.update("delete from order_lines");
		this.jdbc.update("delete from orders");
	}

}
