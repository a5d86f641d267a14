package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cashier ({@code cashier.*}).
 *
 * @param currency ISO 4217 code printed on every bill, {@code EUR} by default
 * @param taxRate the tax rate as a fraction ({@code 0.10} is 10 %), {@code 0.10} by
 * default; at most four decimals, at most 1
 * @param pricesIncludeTax whether menu prices already include tax (as on a European
 * menu), {@code true} by default; see {@link TaxRule} for what each mode computes
 * @param restaurantName the name printed at the top of every receipt, {@code The
 * Restaurant} by default
 * @param zone the time zone of the restaurant, {@code UTC} by default: receipts print
 * times in it, and the daily report's day runs from midnight to midnight in it
 */
@ConfigurationProperties("cashier")
@Validated
public record CashierSettings(@DefaultValue("EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		@DefaultValue("0.10") @NotNull @DecimalMin("0.00") @DecimalMax("1.00") @Digits(integer = 1,
				fraction = 4) BigDecimal taxRate,
		@DefaultValue("true") boolean pricesIncludeTax,
		@DefaultValue("The Restaurant") @NotBlank @Size(max = 40) String restaurantName,
		@DefaultValue("UTC") @NotNull ZoneId zone) {

	/**
	 * The tax rule these settings describe.
	 * @return the rule every new bill is computed with
	 */
	public TaxRule taxRule() {
		return new TaxRule(this.taxRate, this.pricesIncludeTax);
	}

}
