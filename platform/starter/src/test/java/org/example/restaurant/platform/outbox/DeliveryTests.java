package org.example.restaurant.platform.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The one delivery rule: which answers send a message again, which give it up.
 */
class DeliveryTests {

	@ParameterizedTest
	@ValueSource(ints = { 401, 403, 404, 409 })
	void sendsAgainAfterTheClientErrorsThatMeanNotYetOrCredentialsRefused(int status) {
		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> Delivery.send("a ticket", () -> {
			throw HttpClientErrorException.create(HttpStatus.valueOf(status), "", null, null, null);
		}));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 413, 422 })
	void givesUpAMessageTheReceiverCanNeverAccept(int status) {
		AtomicInteger calls = new AtomicInteger();
		assertThatNoException().isThrownBy(() -> Delivery.send("a ticket", () -> {
			calls.incrementAndGet();
			throw HttpClientErrorException.create(HttpStatus.valueOf(status), "", null, null, null);
		}));
		assertThat(calls).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "io", "5xx" })
	void sendsAgainAfterIoErrorsAndServerErrors(String failure) {
		RuntimeException error = "io".equals(failure) ? new ResourceAccessException("refused")
				: HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "", null, null, null);
		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> Delivery.send("a ticket", () -> {
			throw error;
		}));
	}

}
