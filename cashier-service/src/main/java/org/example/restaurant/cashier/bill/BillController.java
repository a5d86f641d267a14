package org.example.restaurant.cashier.bill;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bills and payments, as API.md describes them.
 */
@RestController
@RequestMapping("/api/bills")
class BillController {

	private final BillRepository bills;

	private final Cashier cashier;

	BillController(BillRepository bills, Cashier cashier) {
		this.bills = bills;
		this.cashier = cashier;
	}

	@GetMapping
	List<BillJson> list(@RequestParam(required = false) BillStatus status,
			@RequestParam(required = false) UUID orderId) {
		List<Bill> found;
		if (orderId != null) {
			found = this.bills.findByOrderId(orderId)
				.filter((bill) -> status == null || bill.getStatus() == status)
				.stream()
				.toList();
		}
		else if (status != null) {
			found = this.bills.findByStatusOrderByOpenedAtAscIdAsc(status);
		}
		else {
			found = this.bills.findAllByOrderByOpenedAtAscIdAsc();
		}
		return found.stream().map(BillJson::of).toList();
	}

	@GetMapping("/{id}")
	BillJson get(@PathVariable UUID id) {
		return BillJson.of(find(id));
	}

	@PostMapping("/{id}/payments")
	ResponseEntity<PaymentJson> pay(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request) {
		Payment payment = this.cashier.pay(id, request.method(), request.amount(), request.tip(), request.tendered());
		return ResponseEntity.created(URI.create("/api/bills/" + id + "/payments/" + payment.getId()))
			.body(PaymentJson.of(payment));
	}

	@GetMapping("/{id}/payments/{paymentId}")
	PaymentJson payment(@PathVariable UUID id, @PathVariable UUID paymentId) {
		return PaymentJson.of(find(id).findPayment(paymentId).orElseThrow(() -> new PaymentNotFound(id, paymentId)));
	}

	private Bill find(UUID id) {
		return this.bills.findById(id).orElseThrow(() -> new BillNotFound(id));
	}

}
