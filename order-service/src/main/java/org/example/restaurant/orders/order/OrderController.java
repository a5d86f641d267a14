package org.example.restaurant.orders.order;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.example.restaurant.platform.outbox.PacedByTheOutbox;
import org.example.restaurant.orders.order.OrderRequests.PlaceOrder;
import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.polling.Polled;
import org.example.restaurant.platform.polling.PolledList;
import org.example.restaurant.platform.security.AnyStaff;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The waiter's side of orders: place, look up, serve, cancel.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private static final String PLACE = "POST /api/orders";

	private static final String STATUSES = "Only orders in one of these statuses: repeat it"
			+ " (`?status=PLACED&status=READY`) or separate them with commas; every status without it";

	private final OrderManagement management;

	private final OrderRepository orders;

	private final IdempotentRequests idempotentRequests;

	private final ListVersions versions;

	OrderController(OrderManagement management, OrderRepository orders, IdempotentRequests idempotentRequests,
			ListVersions versions) {
		this.management = management;
		this.orders = orders;
		this.idempotentRequests = idempotentRequests;
		this.versions = versions;
	}

	/**
	 * Places an order; with an {@code Idempotency-Key}, at most once per key (see
	 * {@link IdempotentRequests}). In a rush, first waits (up to 1 s) while the kitchen's
	 * tickets of the orders before it are still being sent ({@link PacedByTheOutbox}).
	 */
	@PreAuthorize("hasRole('WAITER')")
	@PostMapping
	@PacedByTheOutbox
	@ApiResponse(responseCode = "201",
			description = "Placed (or, for a key already used, placed before); Location names the order",
			content = @Content(schema = @Schema(implementation = OrderResponse.class)))
	ResponseEntity<?> place(@Valid @RequestBody PlaceOrder request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			Principal waiter) {
		return this.idempotentRequests.execute(idempotencyKey, PLACE, request.fingerprint(), () -> {
			Order order = this.management.place(request.table(), request.requestedItems(), waiter.getName());
			return ResponseEntity.created(URI.create("/api/orders/" + order.getId())).body(OrderResponse.of(order));
		});
	}

	/**
	 * The orders, oldest first: with any of the statuses asked for (repeated,
	 * {@code ?status=PLACED&status=READY}, or separated by commas; all without one), at
	 * the table if one is asked for. A poll that has the current version gets 304
	 * ({@link Polled}).
	 */
	@AnyStaff
	@GetMapping
	@PolledList
	ResponseEntity<List<OrderResponse>> list(
			@Parameter(description = STATUSES) @RequestParam(required = false) Set<OrderStatus> status,
			@RequestParam(required = false) String table, WebRequest request) {
		return Polled.answer(request, OrderListChanges.POLLED_LIST, this.versions.current(OrderListChanges.POLLED_LIST),
				Polled.STAFF, () -> this.orders.find(status, table).stream().map(OrderResponse::of).toList());
	}

	@AnyStaff
	@GetMapping("/{id}")
	OrderResponse show(@PathVariable UUID id) {
		return OrderResponse.of(this.orders.require(id));
	}

	@PreAuthorize("hasRole('WAITER')")
	@PostMapping("/{id}/serve")
	OrderResponse serve(@PathVariable UUID id) {
		return OrderResponse.of(this.management.serve(id));
	}

	@PreAuthorize("hasRole('WAITER')")
	@PostMapping("/{id}/cancel")
	OrderResponse cancel(@PathVariable UUID id) {
		return OrderResponse.of(this.management.cancel(id));
	}

}
