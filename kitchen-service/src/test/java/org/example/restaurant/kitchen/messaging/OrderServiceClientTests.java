package org.example.restaurant.kitchen.messaging;

import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.platform.outbox.DeliveryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withNoContent;

/**
 * Both messages on the wire, and for each which answers make the outbox send it again.
 */
class OrderServiceClientTests {

	static final UUID ORDER = UUID.fromString("8f0c0000-0000-0000-0000-000000000001");

	static final String ORDER_URL = "http://order-service/internal/orders/" + ORDER;

	static final OrderServiceClient.TicketNews NEWS = new OrderServiceClient.TicketNews(
			UUID.fromString("1c2d0000-0000-0000-0000-000000000002"), "kitchen-service:kitchen-2",
			Instant.parse("2026-11-25T19:00:03Z"));

	@Nested
	class ACookStarted extends DeliveryContract<OrderServiceClient> {

		ACookStarted() {
			super(OrderServiceClient::new, ORDER_URL + "/preparing", (client) -> client.preparing(ORDER, NEWS));
		}

		@Test
		void tellsTheOrderServiceByNameThatACookStarted() {
			expectTheMessage().andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(content().json("""
						{"ticketId": "1c2d0000-0000-0000-0000-000000000002",
						 "preparedBy": "kitchen-service:kitchen-2", "at": "2026-11-25T19:00:03Z"}
						""", JsonCompareMode.STRICT))
				.andRespond(withNoContent());

			sendTheMessage();

			this.receiver.verify();
		}

	}

	@Nested
	class TheTicketIsReady extends DeliveryContract<OrderServiceClient> {

		TheTicketIsReady() {
			super(OrderServiceClient::new, ORDER_URL + "/ready", (client) -> client.ready(ORDER, NEWS));
		}

		@Test
		void tellsTheOrderServiceThatTheTicketIsReady() {
			expectTheMessage().andRespond(withNoContent());

			sendTheMessage();

			this.receiver.verify();
		}

	}

}
