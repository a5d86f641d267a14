package org.example.restaurant.orders.menu;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies the menu endpoints accept.
 */
final class MenuItemRequests {

	private MenuItemRequests() {
	}

	/**
	 * {@code POST /api/menu}. {@code available} defaults to {@code true}.
	 */
	record NewMenuItem(
			@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}",
					message = "must be 1-40 lowercase letters, digits or dashes") String id,
			@NotBlank @Size(max = 80) String name, @NotNull MenuCategory category,
			@NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax(value = "10000.00",
					inclusive = false) @Digits(integer = 4, fraction = 2) BigDecimal price,
			@NotNull @Min(1) @Max(7200) Integer prepSeconds, Boolean available) {

	}

	/**
	 * {@code PUT /api/menu/{id}}: replaces name, category, price and prep time.
	 */
	record MenuItemRevision(@NotBlank @Size(max = 80) String name, @NotNull MenuCategory category,
			@NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax(value = "10000.00",
					inclusive = false) @Digits(integer = 4, fraction = 2) BigDecimal price,
			@NotNull @Min(1) @Max(7200) Integer prepSeconds) {

	}

	/**
	 * {@code PATCH /api/menu/{id}}: {@code {"available": false}} takes an item off.
	 */
	record AvailabilityChange(@NotNull Boolean available) {

	}

}
