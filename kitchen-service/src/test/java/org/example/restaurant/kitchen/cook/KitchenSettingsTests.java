package org.example.restaurant.kitchen.cook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

class KitchenSettingsTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(CookConfiguration.class);

	@Test
	void defaultsToTwoAutomaticCooksAtAFifthOfATenthOfRealTime() {
		this.context.run((context) -> assertThat(context.getBean(KitchenSettings.class))
			.isEqualTo(new KitchenSettings(2, 0.02, true, Duration.ofMillis(500), Duration.ofSeconds(10))));
	}

	@Test
	void bindsEverySetting() {
		this.context
			.withPropertyValues("kitchen.cooks-per-replica=4", "kitchen.time-scale=0.5", "kitchen.auto-cook=false",
					"kitchen.poll-interval=2s", "kitchen.lease=30s")
			.run((context) -> assertThat(context.getBean(KitchenSettings.class))
				.isEqualTo(new KitchenSettings(4, 0.5, false, Duration.ofSeconds(2), Duration.ofSeconds(30))));
	}

	@Test
	void refusesAKitchenWithoutCooks() {
		this.context.withPropertyValues("kitchen.cooks-per-replica=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesALeaseTooShortToRenew() {
		this.context.withPropertyValues("kitchen.lease=50ms").run((context) -> assertThat(context).hasFailed());
		this.context.withPropertyValues("kitchen.lease=0s").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void renewsTheLeaseEveryThirdOfIt() {
		assertThat(new KitchenSettings(2, 0.02, true, Duration.ofMillis(500), Duration.ofSeconds(9)).renewalPeriod())
			.isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void scalesThePrepTimeOfTheSlowestItem() {
		KitchenSettings settings = new KitchenSettings(2, 0.05, true, Duration.ofMillis(500), Duration.ofSeconds(10));

		assertThat(settings.cookingTime(240)).isEqualTo(Duration.ofSeconds(12));
		assertThat(settings.cookingTime(0)).isZero();
		assertThat(new KitchenSettings(2, 0, true, Duration.ofMillis(500), Duration.ofSeconds(10)).cookingTime(240))
			.isZero();
	}

}
