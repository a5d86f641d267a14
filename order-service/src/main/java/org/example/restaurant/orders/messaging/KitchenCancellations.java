package org.example.restaurant.orders.messaging;

import java.util.UUID;

import org.example.restaurant.orders.order.CookAlreadyStarted;
import org.example.restaurant.orders.order.KitchenTickets;
import org.example.restaurant.orders.order.KitchenUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Asks the kitchen, synchronously and not through the outbox, to cancel an order's ticket
 * (docs/internal-api.md): the waiter needs the answer now, and only the kitchen knows
 * whether a cook started. A 2xx means cancelled, 409 that a cook started; anything else
 * (no instance, I/O error, timeout, 5xx, another 4xx) means the kitchen could not
 * confirm, and nothing may change.
 */
@Component
class KitchenCancellations implements KitchenTickets {

	private static final Logger log = LoggerFactory.getLogger(KitchenCancellations.class);

	private final RestClient kitchen;

	KitchenCancellations(@LoadBalanced RestClient.Builder loadBalanced) {
		this.kitchen = loadBalanced.clone().baseUrl("http://kitchen-service").build();
	}

	@Override
	public void cancelTicket(UUID orderId) {
		try {
			this.kitchen.post()
				.uri("/internal/tickets/by-order/{orderId}/cancel", orderId)
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
				throw new CookAlreadyStarted(orderId);
			}
			log.error("The kitchen refused to cancel the ticket of order {}: {} {}", orderId, ex.getStatusCode(),
					ex.getResponseBodyAsString());
			throw new KitchenUnavailable(orderId, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask the kitchen to cancel the ticket of order {}: {}", orderId, ex.toString());
			throw new KitchenUnavailable(orderId, ex);
		}
	}

}
