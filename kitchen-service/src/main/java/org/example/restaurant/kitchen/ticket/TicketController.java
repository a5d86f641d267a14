package org.example.restaurant.kitchen.ticket;

import java.util.List;
import java.util.UUID;

import org.example.restaurant.platform.security.AnyStaff;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The kitchen display: tickets oldest first, and people starting and finishing them.
 */
@RestController
@RequestMapping("/api/kitchen/tickets")
class TicketController {

	private final TicketRepository tickets;

	private final TicketDesk desk;

	TicketController(TicketRepository tickets, TicketDesk desk) {
		this.tickets = tickets;
		this.desk = desk;
	}

	@AnyStaff
	@GetMapping
	List<TicketResponse> list(@RequestParam(required = false) TicketStatus status) {
		List<Ticket> found = (status != null) ? this.tickets.findByStatusOrderByReceivedAtAscIdAsc(status)
				: this.tickets.findAllByOrderByReceivedAtAscIdAsc();
		return found.stream().map(TicketResponse::of).toList();
	}

	@AnyStaff
	@GetMapping("/{id}")
	TicketResponse get(@PathVariable UUID id) {
		return this.tickets.findById(id).map(TicketResponse::of).orElseThrow(() -> TicketNotFound.withId(id));
	}

	@PreAuthorize("hasRole('COOK')")
	@PostMapping("/{id}/start")
	TicketResponse start(@PathVariable UUID id) {
		return TicketResponse.of(this.desk.start(id));
	}

	@PreAuthorize("hasRole('COOK')")
	@PostMapping("/{id}/ready")
	TicketResponse ready(@PathVariable UUID id) {
		return TicketResponse.of(this.desk.markReady(id));
	}

}
