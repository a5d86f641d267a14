package org.example.restaurant.orders.messaging;

import java.io.IOException;
import java.util.UUID;

import org.example.restaurant.orders.order.CookAlreadyStarted;
import org.example.restaurant.orders.order.KitchenUnavailable;
import org.example.restaurant.platform.test.LoadBalancedClients;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseActions;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * How the kitchen's answers to a cancellation are read.
 */
class KitchenCancellationsTests {

	private final UUID orderId = UUID.randomUUID();

	private final LoadBalancedClients.Mocked<KitchenCancellations> mocked = LoadBalancedClients
		.mock(KitchenCancellations::new);

	private final MockRestServiceServer kitchen = this.mocked.server();

	private final KitchenCancellations cancellations = this.mocked.client();

	@Test
	void returnsWhenTheKitchenCancelledTheTicket() {
		expectCancel().andRespond(withSuccess("{\"status\": \"CANCELLED\"}", MediaType.APPLICATION_JSON));

		assertThatNoException().isThrownBy(() -> this.cancellations.cancelTicket(this.orderId));
		this.kitchen.verify();
	}

	@Test
	void reportsACookThatAlreadyStarted() {
		expectCancel().andRespond(withStatus(HttpStatus.CONFLICT));

		assertThatExceptionOfType(CookAlreadyStarted.class)
			.isThrownBy(() -> this.cancellations.cancelTicket(this.orderId))
			.withMessageContaining(this.orderId.toString());
	}

	@Test
	void reportsAKitchenInTrouble() {
		expectCancel().andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

		assertThatExceptionOfType(KitchenUnavailable.class)
			.isThrownBy(() -> this.cancellations.cancelTicket(this.orderId));
	}

	@Test
	void reportsAKitchenThatCannotBeReached() {
		expectCancel().andRespond(withException(new IOException("Connection refused")));

		assertThatExceptionOfType(KitchenUnavailable.class)
			.isThrownBy(() -> this.cancellations.cancelTicket(this.orderId));
	}

	@Test
	void doesNotTakeAnUnexpectedRefusalForACancellation() {
		expectCancel().andRespond(withStatus(HttpStatus.NOT_FOUND));

		assertThatExceptionOfType(KitchenUnavailable.class)
			.isThrownBy(() -> this.cancellations.cancelTicket(this.orderId));
	}

	private ResponseActions expectCancel() {
		return this.kitchen
			.expect(requestTo("http://kitchen-service/internal/tickets/by-order/" + this.orderId + "/cancel"))
			.andExpect(method(HttpMethod.POST));
	}

}
