package org.example.restaurant.kitchen.messaging;

import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.platform.outbox.Delivery;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Tells the order-service how its orders are doing in the kitchen ({@code POST
 * /internal/orders/{orderId}/preparing} and {@code /ready}, see docs/internal-api.md).
 * <p>
 * What the answer means is the platform's {@link Delivery} rule: a method returns
 * normally when the message needs no re-sending (accepted, or refused with a 4xx that can
 * never succeed, logged), and throws when it must be sent again (the order-service is
 * unreachable, answers 5xx, or answers 404 or 409: the order may not be visible yet, or
 * not in a state that accepts the news yet).
 */
@Component
public class OrderServiceClient {

	static final String BASE_URL = "http://order-service";

	private final RestClient client;

	OrderServiceClient(@LoadBalanced RestClient.Builder loadBalanced) {
		this.client = loadBalanced.clone().baseUrl(BASE_URL).build();
	}

	/**
	 * A cook started the order's ticket.
	 */
	public void preparing(UUID orderId, TicketNews news) {
		send(orderId, "preparing", news);
	}

	/**
	 * The order's ticket is cooked.
	 */
	public void ready(UUID orderId, TicketNews news) {
		send(orderId, "ready", news);
	}

	private void send(UUID orderId, String what, TicketNews news) {
		Delivery.send("'" + what + "' of order " + orderId,
				() -> this.client.post()
					.uri("/internal/orders/{orderId}/{what}", orderId, what)
					.contentType(MediaType.APPLICATION_JSON)
					.body(news)
					.retrieve()
					.toBodilessEntity());
	}

	/**
	 * The body of both messages.
	 *
	 * @param ticketId the order's ticket
	 * @param preparedBy the instance id of the replica cooking it
	 * @param at when it started or became ready
	 */
	public record TicketNews(UUID ticketId, String preparedBy, Instant at) {
	}

}
