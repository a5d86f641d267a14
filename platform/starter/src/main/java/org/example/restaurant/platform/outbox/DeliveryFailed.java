package org.example.restaurant.platform.outbox;

/**
 * A message could not be delivered yet. Thrown by a listener so that its event
 * publication stays incomplete and the outbox sends it again.
 */
public class DeliveryFailed extends RuntimeException {

	DeliveryFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
