package org.example.restaurant.cashier.report;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The day's takings: {@code GET /api/reports/daily?date=YYYY-MM-DD}, the date in the
 * restaurant's time zone. A missing or malformed date is a 400 naming {@code date}.
 */
@RestController
class DailyReportController {

	private final DailyTakings takings;

	DailyReportController(DailyTakings takings) {
		this.takings = takings;
	}

	@PreAuthorize("hasRole('CASHIER')")
	@GetMapping("/api/reports/daily")
	DailyReport daily(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return this.takings.of(date);
	}

}
