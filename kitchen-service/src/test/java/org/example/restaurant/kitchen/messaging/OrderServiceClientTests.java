package org.example.restaurant.kitchen.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.example.restaurant.platform.outbox.DeliveryFailed;
import org.example.restaurant.platform.test.LoadBalancedClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;
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

	final LoadBalancedClients.Mocked<OrderServiceClient> orderService = LoadBalancedClients
		.mock(OrderServiceClient::new);

	final MockRestServiceServer server = this.orderService.server();

	final OrderServiceClient client = this.orderService.client();

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

	static Stream<Arguments> answersThatTheOutboxSendsAgainAfter() {
		return Stream.of(arguments("ready", HttpStatus.NOT_FOUND, HttpClientErrorException.NotFound.class),
				arguments("preparing", HttpStatus.CONFLICT, HttpClientErrorException.Conflict.class),
				arguments("ready", HttpStatus.SERVICE_UNAVAILABLE, HttpServerErrorException.class));
	}

	@ParameterizedTest(name = "{1} to {0}")
	@MethodSource("answersThatTheOutboxSendsAgainAfter")
	void failsSoTheMessageIsSentAgainWhenTheOrderIsNotFoundOnAConflictOrWhenTheOrderServiceBreaks(String news,
			HttpStatus answer, Class<? extends Throwable> cause) {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/" + news))
			.andRespond(withStatus(answer));

		assertThatExceptionOfType(DeliveryFailed.class).isThrownBy(() -> send(news)).withCauseInstanceOf(cause);
	}

	@Test
	void givesUpOnAMessageTheOrderServiceCanNeverAccept() {
		this.server.expect(requestTo("http://order-service/internal/orders/" + ORDER + "/ready"))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST));

		assertThatNoException().isThrownBy(() -> this.client.ready(ORDER, NEWS));
		this.server.verify();
	}

	private void send(String news) {
		if (news.equals("preparing")) {
			this.client.preparing(ORDER, NEWS);
		}
		else {
			this.client.ready(ORDER, NEWS);
		}
	}

}
