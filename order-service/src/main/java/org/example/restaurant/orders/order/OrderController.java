package org.example.restaurant.orders.order;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.example.restaurant.platform.idempotency.IdempotentRequests;
import org.example.restaurant.orders.order.OrderRequests.PlaceOrder;
import org.example.restaurant.platform.security.AnyStaff;

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
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The waiter's side of orders: place, look up, serve, cancel.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private static final String PLACE = "POST /api/orders";

	private final OrderManagement management;

	private final OrderRepository orders;

	private final IdempotentRequests idempotentRequests;

	OrderController(OrderManagement management, OrderRepository orders, IdempotentRequests idempotentRequests) {
		this.management = management;
		this.orders = orders;
		this.idempotentRequests = idempotentRequests;
	}

	/**
	 * Places an order; with an {@code Idempotency-Key}, at most once per key (see
	 * {@link IdempotentRequests}).
	 */
	@PreAuthorize("hasRole('WAITER')")
	@PostMapping
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

	@AnyStaff
	@GetMapping
	List<OrderResponse> list(@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) String table) {
		return this.orders.search(status, table).stream().map(OrderResponse::of).toList();
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
