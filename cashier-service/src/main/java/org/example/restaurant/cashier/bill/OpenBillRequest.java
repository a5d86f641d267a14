package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/bills} from the order-service (docs/internal-api.md):
 * {@code {"orderId": "8f0c...", "table": "T4", "lines": [{"name": "Margherita",
 * "quantity": 2, "unitPrice": 9.50}]}}. Other fields are ignored (a tolerant reader).
 */
record OpenBillRequest(@NotNull UUID orderId, @NotBlank @Size(max = 16) String table,
		@NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines) {

	List<BillLine> billLines() {
		return this.lines.stream().map((line) -> BillLine.of(line.name(), line.quantity(), line.unitPrice())).toList();
	}

	record Line(@NotBlank @Size(max = 200) String name, @NotNull @Min(1) @Max(99) Integer quantity,
			@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2,
					message = PaymentRequest.WHOLE_CENTS) BigDecimal unitPrice) {
	}

}
