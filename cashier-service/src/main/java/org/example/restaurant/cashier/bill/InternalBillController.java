package org.example.restaurant.cashier.bill;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What the order-service tells the cashier (docs/internal-api.md). Idempotent: the same
 * order twice opens one bill and answers 200 with it the second time.
 */
@RestController
class InternalBillController {

	private final Cashier cashier;

	InternalBillController(Cashier cashier) {
		this.cashier = cashier;
	}

	@PreAuthorize("hasAuthority('SCOPE_bills.open')")
	@PostMapping("/internal/bills")
	ResponseEntity<BillJson> open(@Valid @RequestBody OpenBillRequest request) {
		Cashier.Opening opening = this.cashier.open(request.orderId(), request.table(), request.billLines());
		BillJson body = BillJson.of(opening.bill());
		if (opening.created()) {
			return ResponseEntity.created(URI.create("/api/bills/" + body.id())).body(body);
		}
		return ResponseEntity.status(HttpStatus.OK).body(body);
	}

}
