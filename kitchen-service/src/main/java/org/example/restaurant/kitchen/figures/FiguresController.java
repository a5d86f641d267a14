package org.example.restaurant.kitchen.figures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kitchen/figures}: the kitchen's current figures for the manager's live
 * view ({@link KitchenFigures}); any replica answers the same.
 */
@RestController
class FiguresController {

	private final KitchenFigures figures;

	FiguresController(KitchenFigures figures) {
		this.figures = figures;
	}

	@PreAuthorize("hasRole('MANAGER')")
	@GetMapping("/api/kitchen/figures")
	KitchenFigures.Figures figures() {
		return this.figures.now();
	}

}
