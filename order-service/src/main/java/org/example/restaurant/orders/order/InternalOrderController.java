package org.example.restaurant.orders.order;

import java.util.UUID;

import org.example.restaurant.orders.order.OrderRequests.KitchenNews;
import org.example.restaurant.orders.order.OrderRequests.PaymentNews;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * News from the kitchen and the cashier (docs/internal-api.md). Senders re-send until
 * they get a 2xx, so every endpoint answers 204 again for news the order already
 * reflects.
 */
@RestController
@RequestMapping("/internal/orders/{orderId}")
class InternalOrderController {

	private final OrderManagement management;

	InternalOrderController(OrderManagement management) {
		this.management = management;
	}

	@PreAuthorize("hasAuthority('SCOPE_orders.progress')")
	@PostMapping("/preparing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void preparing(@PathVariable UUID orderId, @RequestBody(required = false) KitchenNews news) {
		this.management.cookingStarted(orderId, (news != null) ? news.preparedBy() : null);
	}

	@PreAuthorize("hasAuthority('SCOPE_orders.progress')")
	@PostMapping("/ready")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void ready(@PathVariable UUID orderId, @RequestBody(required = false) KitchenNews news) {
		this.management.ready(orderId, (news != null) ? news.preparedBy() : null);
	}

	@PreAuthorize("hasAuthority('SCOPE_orders.paid')")
	@PostMapping("/paid")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void paid(@PathVariable UUID orderId, @RequestBody(required = false) PaymentNews news) {
		this.management.paid(orderId, (news != null) ? news.billId() : null);
	}

}
