package org.example.restaurant.cashier.messaging;

import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.platform.outbox.Delivery;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reaches the order-service by name through the registry. A 2xx is success. A 4xx other
 * than 404 and 409 means the message can never be accepted: it is logged and not sent
 * again. Anything else (no instance, I/O error, 5xx, 404, 409) throws, so the outbox
 * keeps the message and sends it again.
 */
@Component
class HttpOrderServiceClient implements OrderServiceClient {

	private final RestClient orderService;

	HttpOrderServiceClient(@LoadBalanced RestClient.Builder builder) {
		this.orderService = builder.clone().baseUrl("http://order-service").build();
	}

	@Override
	public void orderPaid(UUID orderId, UUID billId, Instant at) {
		Delivery.send("the news that order " + orderId + " is paid (bill " + billId + ")",
				() -> this.orderService.post()
					.uri("/internal/orders/{orderId}/paid", orderId)
					.contentType(MediaType.APPLICATION_JSON)
					.body(new OrderPaid(billId, at))
					.retrieve()
					.toBodilessEntity());
	}

	record OrderPaid(UUID billId, Instant at) {
	}

}
