package org.example.restaurant.cashier.messaging;

import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.platform.outbox.DeliveryContract;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;

/**
 * The paid message on the wire, and which answers make the outbox send it again.
 */
class HttpOrderServiceClientTests extends DeliveryContract<HttpOrderServiceClient> {

	static final UUID ORDER_ID = UUID.fromString("8f0c0000-0000-4000-8000-000000000001");

	static final UUID BILL_ID = UUID.fromString("5e6f0000-0000-4000-8000-000000000002");

	static final Instant AT = Instant.parse("2026-11-25T19:20:00Z");

	HttpOrderServiceClientTests() {
		super(HttpOrderServiceClient::new, "http://order-service/internal/orders/" + ORDER_ID + "/paid",
				(client) -> client.orderPaid(ORDER_ID, BILL_ID, AT));
	}

	@Test
	void postsThePaidMessageToTheOrderServiceByName() {
		expectTheMessage().andExpect(content().json("""
				{"billId": "5e6f0000-0000-4000-8000-000000000002", "at": "2026-11-25T19:20:00Z"}""", true))
			.andRespond(withStatus(HttpStatus.NO_CONTENT));

		sendTheMessage();

		this.receiver.verify();
	}

}
