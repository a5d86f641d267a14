package org.example.restaurant.cashier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The cashier: opens a bill when an order is served, takes payments and tells the
 * order-service when an order is paid.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CashierServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CashierServiceApplication.class, args);
	}

}
