package org.example.restaurant.cashier;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.example.restaurant.cashier.bill.TaxRule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cashier ({@code cashier.*}).
 *
 * @param currency ISO 4217 code printed on every bill, {@code EUR} by default
 * @param taxRate the tax rate as a fraction ({@code 0.10} is 10 %), {@code 0.10} by
 * default
 * @param pricesIncludeTax whether menu prices already include tax (as on a European
 * menu), {@code true} by default; see {@link TaxRule} for what each mode computes
 */
@ConfigurationProperties("cashier")
@Validated
public record CashierSettings(@DefaultValue("EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		@DefaultValue("0.10") @NotNull @DecimalMin("0.00") BigDecimal taxRate,
		@DefaultValue("true") boolean pricesIncludeTax) {

	/**
	 * The tax rule these settings describe.
	 * @return the rule every new bill is computed with
	 */
	public TaxRule taxRule() {
		return new TaxRule(this.taxRate, this.pricesIncludeTax);
	}

}
