package org.example.restaurant.kitchen.messaging;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.example.restaurant.platform.outbox.DeliveryFailed;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withNoContent;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

class OrderServiceClientTests {

	static final UUID ORDER = UUID.fromString("8f0c0000-0000-0000-0000-000000000001");

	static final OrderServiceClient.TicketNews NEWS = new OrderServiceClient.TicketNews(
			UUID.fromString("1c2d0000-0000-0000-0000-000000000002"), "kitchen-service:kitchen-2",
			Instant.parse("2026-11-25T19:00:03Z"));

	MockRestServiceServer server;

	OrderServiceClient client;

	@BeforeEach
	void setUp() {
		RestClient.Builder builder = RestClient.builder();
		this.server = MockRestServiceServer.bindTo(builder).build();
		this.client = new OrderServiceClient(builder);
	}

	@Test
	void tellsTheOrderServiceByNameThatACookStarted() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/preparing"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json("""
					{"ticketId": "1c2d0000-0000-0000-0000-000000000002",
					 "preparedBy": "kitchen-service:kitchen-2", "at": "2026-11-25T19:00:03Z"}
					""", org.springframework.test.json.JsonCompareMode.STRICT))
			.andRespond(withNoContent());

		this.client.preparing(ORDER, NEWS);

		this.server.verify();
	}

	@Test
	void tellsTheOrderServiceThatTheTicketIsReady() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/ready"))
			.andExpect(method(HttpMethod.POST))
			.andRespond(withNoContent());

		this.client.ready(ORDER, NEWS);

		this.server.verify();
	}

	@Test
	void failsSoTheMessageIsSentAgainWhenTheOrderIsNotFound() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/ready"))
			.andRespond(withStatus(HttpStatus.NOT_FOUND));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> this.client.ready(ORDER, NEWS))
			.withCauseInstanceOf(HttpClientErrorException.NotFound.class);
	}

	@Test
	void failsSoTheMessageIsSentAgainOnAConflict() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/preparing"))
			.andRespond(withStatus(HttpStatus.CONFLICT));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> this.client.preparing(ORDER, NEWS))
			.withCauseInstanceOf(HttpClientErrorException.Conflict.class);
	}

	@Test
	void failsSoTheMessageIsSentAgainWhenTheOrderServiceBreaks() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/ready"))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> this.client.ready(ORDER, NEWS))
			.withCauseInstanceOf(HttpServerErrorException.class);
	}

	@Test
	void givesUpOnAMessageTheOrderServiceCanNeverAccept() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/ready"))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST));

		assertThatNoException().isThrownBy(() -> this.client.ready(ORDER, NEWS));
		this.server.verify();
	}

}
