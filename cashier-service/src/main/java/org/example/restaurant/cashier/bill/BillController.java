package org.example.restaurant.cashier.bill;

import java.net.URI;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.example.restaurant.platform.idempotency.IdempotentRequests;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
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
 * Bills, payments and receipts, as docs/api.md describes them.
 */
@RestController
@RequestMapping("/api/bills")
class BillController {

	/** The operation an {@code Idempotency-Key} on a payment is scoped to. */
	static final String PAYMENTS = "POST /api/bills/{id}/payments";

	private static final MediaType TEXT_PLAIN_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final BillRepository bills;

	private final Cashier cashier;

	private final IdempotentRequests idempotentRequests;

	private final CashierSettings settings;

	BillController(BillRepository bills, Cashier cashier, IdempotentRequests idempotentRequests,
			CashierSettings settings) {
		this.bills = bills;
		this.cashier = cashier;
		this.idempotentRequests = idempotentRequests;
		this.settings = settings;
	}

	@PreAuthorize("hasAnyRole('WAITER', 'CASHIER')")
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

	@PreAuthorize("hasAnyRole('WAITER', 'CASHIER')")
	@GetMapping("/{id}")
	BillJson get(@PathVariable UUID id) {
		return BillJson.of(find(id));
	}

	@PreAuthorize("hasRole('CASHIER')")
	@PostMapping("/{id}/payments")
	@ApiResponse(responseCode = "201",
			description = "Taken (or, for a key already used, taken before); Location names the payment",
			content = @Content(schema = @Schema(implementation = PaymentJson.class)))
	ResponseEntity<?> pay(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			Principal cashier) {
		return this.idempotentRequests.execute(idempotencyKey, PAYMENTS, request.fingerprint(id), () -> {
			Payment payment = this.cashier.pay(id, request.method(), request.amount(), request.tip(),
					request.tendered(), cashier.getName());
			return ResponseEntity.created(URI.create("/api/bills/" + id + "/payments/" + payment.getId()))
				.body(PaymentJson.of(payment));
		});
	}

	@PreAuthorize("hasAnyRole('WAITER', 'CASHIER')")
	@GetMapping("/{id}/payments/{paymentId}")
	PaymentJson payment(@PathVariable UUID id, @PathVariable UUID paymentId) {
		return PaymentJson.of(find(id).findPayment(paymentId).orElseThrow(() -> new PaymentNotFound(id, paymentId)));
	}

	@PreAuthorize("hasAnyRole('WAITER', 'CASHIER')")
	@GetMapping("/{id}/receipt")
	ResponseEntity<String> receipt(@PathVariable UUID id) {
		String receipt = Receipt.print(find(id), this.settings.restaurantName(), this.settings.zone());
		return ResponseEntity.ok().contentType(TEXT_PLAIN_UTF8).body(receipt);
	}

	private Bill find(UUID id) {
		return this.bills.findById(id).orElseThrow(() -> new BillNotFound(id));
	}

}
