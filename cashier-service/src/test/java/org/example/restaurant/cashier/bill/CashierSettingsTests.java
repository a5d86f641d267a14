package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import org.example.restaurant.platform.idempotency.IdempotencySettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cashier's settings as they bind from configuration: defaults, overrides, and what
 * is refused at start-up.
 */
class CashierSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsToEurosTenPercentTaxIncludedInUtcAndKeysKeptADay() {
		this.context.run((context) -> {
			CashierSettings cashier = context.getBean(CashierSettings.class);
			assertThat(cashier.currency()).isEqualTo("EUR");
			assertThat(cashier.taxRate()).isEqualByComparingTo("0.10");
			assertThat(cashier.pricesIncludeTax()).isTrue();
			assertThat(cashier.restaurantName()).isEqualTo("The Restaurant");
			assertThat(cashier.zone()).isEqualTo(ZoneId.of("UTC"));
			IdempotencySettings idempotency = context.getBean(IdempotencySettings.class);
			assertThat(idempotency.retention()).isEqualTo(Duration.ofHours(24));
			assertThat(idempotency.abandonedAfter()).isEqualTo(Duration.ofMinutes(1));
			assertThat(idempotency.purgeInterval()).isEqualTo(Duration.ofHours(1));
		});
	}

	@Test
	void takesTheTaxRuleNameAndZoneFromConfiguration() {
		this.context
			.withPropertyValues("cashier.currency=CHF", "cashier.tax-rate=0.081", "cashier.prices-include-tax=false",
					"cashier.restaurant-name=Chez Nous", "cashier.zone=Europe/Zurich",
					"restaurant.idempotency.retention=48h")
			.run((context) -> {
				CashierSettings cashier = context.getBean(CashierSettings.class);
				assertThat(cashier.currency()).isEqualTo("CHF");
				assertThat(cashier.taxRule().rate()).isEqualTo(new BigDecimal("0.081"));
				assertThat(cashier.taxRule().pricesIncludeTax()).isFalse();
				assertThat(cashier.restaurantName()).isEqualTo("Chez Nous");
				assertThat(cashier.zone()).isEqualTo(ZoneId.of("Europe/Zurich"));
				assertThat(context.getBean(IdempotencySettings.class).retention()).isEqualTo(Duration.ofHours(48));
			});
	}

	@Test
	void refusesToStartWithATaxRateOfMoreThanFourDecimalsOrAboveOne() {
		this.context.withPropertyValues("cashier.tax-rate=0.12345").run((context) -> assertThat(context).hasFailed());
		this.context.withPropertyValues("cashier.tax-rate=1.5").run((context) -> assertThat(context).hasFailed());
		this.context.withPropertyValues("cashier.tax-rate=-0.10").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesToStartWithAnUnknownZoneOrCurrencyCode() {
		this.context.withPropertyValues("cashier.zone=Mars/Olympus").run((context) -> assertThat(context).hasFailed());
		this.context.withPropertyValues("cashier.currency=euro").run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CashierSettings.class, IdempotencySettings.class })
	static class Settings {

	}

}
