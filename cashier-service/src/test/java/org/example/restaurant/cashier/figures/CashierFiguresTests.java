package org.example.restaurant.cashier.figures;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.cashier.bill.Bill;
import org.example.restaurant.cashier.bill.BillLine;
import org.example.restaurant.cashier.bill.BillRepository;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.cashier.bill.PaymentMethod;
import org.example.restaurant.cashier.bill.TaxRule;
import org.example.restaurant.platform.figures.LiveFigures;
import org.example.restaurant.platform.outbox.Outbox;
import org.example.restaurant.platform.test.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The cashier's figures against the real schema, for a known set of bills and payments
 * around a set moment.
 */
@DataJpaTest(properties = "cashier.currency=CHF")
@Import({ CashierFigures.class, LiveFigures.class, CashierFiguresTests.Settings.class })
class CashierFiguresTests {

	static final Instant NOW = Instant.parse("2031-03-14T20:00:00Z");

	static final TaxRule TAX_INCLUDED = new TaxRule(new BigDecimal("0.10"), true);

	@Autowired
	CashierFigures figures;

	@Autowired
	BillRepository bills;

	@MockitoBean
	Outbox outbox;

	@BeforeEach
	void nothingInTheOutbox() {
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(0, 0, null));
	}

	@Test
	void countsThePaymentsOfTheLastMinuteAndHourWhatTheyTookAndTheOpenBills() {
		// paid in two halves, the first more than an hour ago
		Bill early = bill(ago(Duration.ofHours(2)), "20.00");
		pay(early, PaymentMethod.CASH, "10.00", null, ago(Duration.ofMinutes(90)));
		pay(early, PaymentMethod.CASH, "10.00", null, ago(Duration.ofMinutes(30)));
		// two payments in the last minute, the tip not counted; still open
		Bill late = bill(ago(Duration.ofMinutes(10)), "19.00");
		pay(late, PaymentMethod.CARD, "5.50", "1.00", ago(Duration.ofSeconds(50)));
		pay(late, PaymentMethod.CASH, "4.25", null, ago(Duration.ofSeconds(10)));
		// nothing paid yet
		bill(ago(Duration.ofMinutes(5)), "7.00");
		this.bills.flush();

		CashierFigures.Figures now = this.figures.now();

		assertThat(now.at()).isEqualTo(NOW);
		assertThat(now.paymentsLastMinute()).isEqualTo(2);
		assertThat(now.paymentsLastHour()).isEqualTo(3);
		assertThat(now.takingsLastHour()).isEqualTo(new BigDecimal("19.75"));
		assertThat(now.currency()).isEqualTo("CHF");
		assertThat(now.openBills()).isEqualTo(2);
		assertThat(now.outboxPending()).isZero();
	}

	@Test
	void answersZeroTakingsWithTwoDecimalsForAQuietHour() {
		CashierFigures.Figures now = this.figures.now();

		assertThat(now.paymentsLastMinute()).isZero();
		assertThat(now.paymentsLastHour()).isZero();
		assertThat(now.takingsLastHour()).isEqualTo(new BigDecimal("0.00"));
		assertThat(now.openBills()).isZero();
	}

	private static Instant ago(Duration duration) {
		return NOW.minus(duration);
	}

	private Bill bill(Instant openedAt, String total) {
		return this.bills.save(Bill.open(UUID.randomUUID(), "T1", "CHF",
				List.of(BillLine.of("Tasting menu", 1, new BigDecimal(total))), TAX_INCLUDED, openedAt));
	}

	private void pay(Bill bill, PaymentMethod method, String amount, String tip, Instant at) {
		bill.pay(method, new BigDecimal(amount), (tip != null) ? new BigDecimal(tip) : null, null, "301", at);
		this.bills.save(bill);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CashierSettings.class)
	static class Settings {

		@Bean
		TestClock clock() {
			return new TestClock(NOW);
		}

	}

}
