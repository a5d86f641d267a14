package org.example.restaurant.orders.figures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orders/figures}: the order-service's current figures for the manager's
 * live view ({@link OrderFigures}). A literal path, so Spring MVC prefers it to
 * {@code /api/orders/{id}}.
 */
@RestController
class FiguresController {

	private final OrderFigures figures;

	FiguresController(OrderFigures figures) {
		this.figures = figures;
	}

	@PreAuthorize("hasRole('MANAGER')")
	@GetMapping("/api/orders/figures")
	OrderFigures.Figures figures() {
		return this.figures.now();
	}

}
