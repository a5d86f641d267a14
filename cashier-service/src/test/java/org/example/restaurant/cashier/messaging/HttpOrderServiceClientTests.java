package org.example.restaurant.cashier.messaging;

import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.platform.outbox.DeliveryFailed;
import org.example.restaurant.platform.test.LoadBalancedClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * The paid message on the wire, and which answers make the outbox send it again.
 */
class HttpOrderServiceClientTests {

	static final UUID ORDER_ID = UUID.fromString("8f0c0000-0000-4000-8000-000000000001");

	static final UUID BILL_ID = UUID.fromString("5e6f0000-0000-4000-8000-000000000002");

	static final Instant AT = Instant.parse("2026-11-25T19:20:00Z");

	final LoadBalancedClients.Mocked<HttpOrderServiceClient> mocked = LoadBalancedClients
		.mock(HttpOrderServiceClient::new);

	final MockRestServiceServer orderService = this.mocked.server();

	final HttpOrderServiceClient client = this.mocked.client();

	@Test
	void postsThePaidMessageToTheOrderServiceByName() {
		this.orderService.expect(requestTo("http://order-service/internal/orders/" + ORDER_ID + "/paid"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(content().json("""
					{"billId": "5e6f0000-0000-4000-8000-000000000002", "at": "2026-11-25T19:20:00Z"}""", true))
			.andRespond(withStatus(HttpStatus.NO_CONTENT));

		this.client.orderPaid(ORDER_ID, BILL_ID, AT);

		this.orderService.verify();
	}

	@ParameterizedTest
	@EnumSource(value = HttpStatus.class,
			names = { "NOT_FOUND", "CONFLICT", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE" })
	void throwsSoTheMessageIsSentAgainWhenTheOrderServiceCannotTakeItYet(HttpStatus status) {
		this.orderService.expect(requestTo("http://order-service/internal/orders/" + ORDER_ID + "/paid"))
			.andRespond(withStatus(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{}"));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> this.client.orderPaid(ORDER_ID, BILL_ID, AT))
			.withCauseInstanceOf(RestClientException.class);
	}

	@Test
	void givesUpOnAMessageTheOrderServiceCanNeverAccept() {
		this.orderService.expect(requestTo("http://order-service/internal/orders/" + ORDER_ID + "/paid"))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{}"));

		assertThatNoException().isThrownBy(() -> this.client.orderPaid(ORDER_ID, BILL_ID, AT));
	}

}
