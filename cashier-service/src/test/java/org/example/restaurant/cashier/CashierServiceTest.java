package org.example.restaurant.cashier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.example.restaurant.platform.test.TestClock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole cashier-service on a random port, on the test profile's in-memory H2, with a
 * clock the test can set ({@link TestClock}) and a recording order-service
 * ({@link RecordingOrderService}). The restaurant is in Europe/Paris, so that a day in
 * the daily report is not a UTC day. Every test class with this annotation shares one
 * application context (and one database: tests use their own bills and dates).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cashier.zone=Europe/Paris", "cashier.restaurant-name=Trattoria Uno" })
@ActiveProfiles("test")
@Import(CashierTestConfiguration.class)
public @interface CashierServiceTest {

}
