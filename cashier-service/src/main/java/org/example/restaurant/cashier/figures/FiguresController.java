package org.example.restaurant.cashier.figures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/bills/figures}: the cashier's current figures for the manager's live
 * view ({@link CashierFigures}). A literal path, so Spring MVC prefers it to
 * {@code /api/bills/{id}}.
 */
@RestController
class FiguresController {

	private final CashierFigures figures;

	FiguresController(CashierFigures figures) {
		this.figures = figures;
	}

	@PreAuthorize("hasRole('MANAGER')")
	@GetMapping("/api/bills/figures")
	CashierFigures.Figures figures() {
		return this.figures.now();
	}

}
