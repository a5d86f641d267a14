package org.example.restaurant.kitchen.cook;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this replica's automatic cooks work ({@code kitchen.*}).
 *
 * @param cooksPerReplica cook threads in this replica (default 2)
 * @param timeScale factor applied to the real prep seconds, so a demo order is ready in
 * seconds (default 0.02: a 600 s pizza takes 12 s; 0 cooks instantly)
 * @param autoCook whether cooks prepare tickets by themselves (default true); when false,
 * people start and finish tickets through the API
 * @param pollInterval how long an idle cook waits before looking for work again (default
 * 500 ms)
 * @param lease how long a cook holds a ticket without renewing its claim (default 10 s,
 * at least 100 ms); cooks renew every third of it, so a replica that dies leaves its
 * tickets to the others after at most one lease. Longer survives longer pauses (GC,
 * database hiccups) without losing tickets; shorter fails over sooner. It must be well
 * above the clock difference between the replicas' hosts.
 */
@ConfigurationProperties("kitchen")
@Validated
public record KitchenSettings(@DefaultValue("2") @Positive int cooksPerReplica,
		@DefaultValue("0.02") @PositiveOrZero double timeScale, @DefaultValue("true") boolean autoCook,
		@DefaultValue("500ms") @NotNull Duration pollInterval,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration lease) {

	/**
	 * How long a cook spends on a ticket whose slowest item takes {@code prepSeconds} at
	 * full speed.
	 */
	Duration cookingTime(int prepSeconds) {
		return Duration.ofMillis(Math.round(prepSeconds * this.timeScale * 1000));
	}

	/**
	 * How often a cook renews the lease on the ticket it cooks: a third of the lease, so
	 * that one or two failed renewals (a short database outage) do not lose the ticket.
	 */
	Duration renewalPeriod() {
		return this.lease.dividedBy(3);
	}

}
