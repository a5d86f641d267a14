package org.example.restaurant.staff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The staff: accounts and roles, the PIN sign-in, and the authorization server that signs
 * the tokens of people and services which every other service checks.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StaffServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(StaffServiceApplication.class, args);
	}

}
