package org.example.restaurant.cashier;

import org.example.restaurant.platform.test.TestClock;
import org.example.restaurant.platform.test.TestTokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The test doubles of {@link CashierServiceTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestTokens.Decoder.class)
public class CashierTestConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	@Primary
	RecordingOrderService recordingOrderService() {
		return new RecordingOrderService();
	}

}
