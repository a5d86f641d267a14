package org.example.restaurant.kitchen.ticket;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What the order-service tells the kitchen (docs/internal-api.md). Both calls are
 * idempotent: the order-service re-sends a new ticket until it gets a 2xx, and a waiter
 * may ask to cancel again.
 */
@RestController
@RequestMapping("/internal/tickets")
class InternalTicketController {

	private final TicketDesk desk;

	InternalTicketController(TicketDesk desk) {
		this.desk = desk;
	}

	/**
	 * 201 with the new ticket, or 200 with the ticket the order already has.
	 */
	@PreAuthorize("hasAuthority('SCOPE_kitchen.tickets')")
	@PostMapping
	ResponseEntity<TicketResponse> receive(@Valid @RequestBody NewTicketRequest request) {
		TicketDesk.Received received = this.desk.receive(request);
		TicketResponse body = TicketResponse.of(received.ticket());
		if (!received.created()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create("/api/kitchen/tickets/" + body.id())).body(body);
	}

	/**
	 * 200 with the cancelled ticket (also when it already was, or when the order had no
	 * ticket yet: see {@link TicketDesk#cancelForOrder}); 409 once a cook started it.
	 */
	@PreAuthorize("hasAuthority('SCOPE_kitchen.tickets')")
	@PostMapping("/by-order/{orderId}/cancel")
	TicketResponse cancel(@PathVariable UUID orderId) {
		return TicketResponse.of(this.desk.cancelForOrder(orderId));
	}

}
