package org.example.restaurant.kitchen.ticket;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.polling.Polled;
import org.example.restaurant.platform.polling.PolledList;
import org.example.restaurant.platform.security.AnyStaff;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The kitchen display: tickets oldest first, and people starting and finishing them.
 */
@RestController
@RequestMapping("/api/kitchen/tickets")
class TicketController {

	private static final String STATUSES = "Only tickets in one of these statuses: repeat it"
			+ " (`?status=QUEUED&status=PREPARING`) or separate them with commas; every status without it";

	private final TicketRepository tickets;

	private final TicketDesk desk;

	private final ListVersions versions;

	TicketController(TicketRepository tickets, TicketDesk desk, ListVersions versions) {
		this.tickets = tickets;
		this.desk = desk;
		this.versions = versions;
	}

	/**
	 * The tickets, oldest first: with any of the statuses asked for (repeated,
	 * {@code ?status=QUEUED&status=PREPARING}, or separated by commas; all without one).
	 * A poll that has the current version gets 304 ({@link Polled}), from any replica.
	 */
	@AnyStaff
	@GetMapping
	@PolledList
	ResponseEntity<List<TicketResponse>> list(
			@Parameter(description = STATUSES) @RequestParam(required = false) Set<TicketStatus> status,
			WebRequest request) {
		return Polled.answer(request, TicketDesk.POLLED_LIST, this.versions.current(TicketDesk.POLLED_LIST),
				Polled.STAFF, () -> find(status).stream().map(TicketResponse::of).toList());
	}

	private List<Ticket> find(Set<TicketStatus> statuses) {
		return (statuses == null || statuses.isEmpty()) ? this.tickets.findAllByOrderByReceivedAtAscIdAsc()
				: this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(statuses);
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
