package org.example.restaurant.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The retry rule of docs/internal-api.md, in one place: a message is delivered when the
 * receiver answers 2xx. IO errors, 5xx, "no instance of the service" and the 4xx that
 * mean "not yet" (404, 409) fail the delivery so that it is sent again; so do 401 and
 * 403: credentials refused are a setting to mend (a secret, a scope, a key), not a
 * message to lose. Any other 4xx means the message can never be accepted, so it is logged
 * and given up.
 */
public final class Delivery {

	private static final Logger log = LoggerFactory.getLogger(Delivery.class);

	private Delivery() {
	}

	public static void send(String what, Runnable call) {
		try {
			call.run();
			log.debug("Delivered {}", what);
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
					|| ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)
					|| ex.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)
					|| ex.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)) {
				log.warn("Could not deliver {} yet: {}; will retry", what, ex.getStatusCode());
				throw new DeliveryFailed("Could not deliver " + what, ex);
			}
			log.error("Gave up delivering {}: the receiver refused it with {} {}", what, ex.getStatusCode(),
					ex.getResponseBodyAsString());
		}
		catch (RuntimeException ex) {
			log.warn("Could not deliver {}: {}; will retry", what, ex.toString());
			throw new DeliveryFailed("Could not deliver " + what, ex);
		}
	}

}
