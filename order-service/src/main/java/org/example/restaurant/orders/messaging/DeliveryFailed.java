package org.example.restaurant.orders.messaging;

/**
 * A message could not be delivered yet. Thrown by a listener so that its event
 * publication stays incomplete and the outbox sends it again.
 */
class DeliveryFailed extends RuntimeException {

	DeliveryFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
