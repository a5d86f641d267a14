package org.example.restaurant.cashier.bill;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.example.restaurant.cashier.bill.Bills.PAID_AT;
import static org.example.restaurant.cashier.bill.Bills.TEN_PERCENT_INCLUDED;
import static org.example.restaurant.cashier.bill.Bills.eur;

/**
 * The schema Flyway builds, through the repository.
 */
@DataJpaTest
class BillRepositoryTests {

	@Autowired
	BillRepository bills;

	@Autowired
	TestEntityManager entityManager;

	@Test
	void keepsABillWithItsLinesPaymentsAndAmountsInCents() {
		Bill bill = Bills.open(TEN_PERCENT_INCLUDED, BillLine.of("Margherita", 2, eur("9.50")),
				BillLine.of("Tiramisu", 1, eur("6")));
		Payment card = bill.pay(PaymentMethod.CARD, eur("10.00"), eur("1.00"), null, "301", PAID_AT.minusSeconds(60));
		Payment cash = bill.pay(PaymentMethod.CASH, eur("15.00"), null, eur("20.00"), "301", PAID_AT);
		this.bills.saveAndFlush(bill);
		this.entityManager.clear();

		Bill found = this.bills.findById(bill.getId()).orElseThrow();

		assertThat(found.getOrderId()).isEqualTo(bill.getOrderId());
		assertThat(found.getTable()).isEqualTo("T4");
		assertThat(found.getCurrency()).isEqualTo("EUR");
		assertThat(found.getLines()).extracting(BillLine::name).containsExactly("Margherita", "Tiramisu");
		assertThat(found.getLines().get(1).unitPrice()).hasToString("6.00");
		assertThat(found.getTotal()).hasToString("25.00");
		assertThat(found.getTax()).hasToString("2.27");
		assertThat(found.getSubtotal()).hasToString("22.73");
		assertThat(found.getPaid()).hasToString("25.00");
		assertThat(found.getStatus()).isEqualTo(BillStatus.PAID);
		assertThat(found.getPaidAt()).isEqualTo(PAID_AT);
		assertThat(found.getOpenedAt()).isEqualTo(Bills.OPENED_AT);
		assertThat(found.getPayments()).extracting(Payment::getId).containsExactly(card.getId(), cash.getId());
		assertThat(found.getPayments().get(0).getTendered()).isNull();
		assertThat(found.getPayments().get(0).getTip()).hasToString("1.00");
		assertThat(found.getPayments().get(1).getChange()).hasToString("5.00");
	}

	@Test
	void keepsOneBillPerOrder() {
		Bill first = Bills.margheritasForTwo();
		this.bills.saveAndFlush(first);
		Bill second = Bill.open(first.getOrderId(), "T9", "EUR", List.of(BillLine.of("Espresso", 1, eur("2.00"))),
				TEN_PERCENT_INCLUDED, PAID_AT);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.bills.saveAndFlush(second));
	}

	@Test
	void findsTheBillOfAnOrder() {
		Bill bill = this.bills.saveAndFlush(Bills.margheritasForTwo());
		this.bills.saveAndFlush(Bills.costing("7.00"));
		this.entityManager.clear();

		assertThat(this.bills.findByOrderId(bill.getOrderId())).map(Bill::getId).contains(bill.getId());
	}

	@Test
	void listsBillsOldestFirstAndByStatus() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Bill newest = Bills.openAt(now, TEN_PERCENT_INCLUDED, BillLine.of("Soup", 1, eur("5.00")));
		Bill oldest = Bills.openAt(now.minusSeconds(120), TEN_PERCENT_INCLUDED, BillLine.of("Soup", 1, eur("5.00")));
		Bill middle = Bills.openAt(now.minusSeconds(60), TEN_PERCENT_INCLUDED, BillLine.of("Soup", 1, eur("5.00")));
		middle.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", now);
		this.bills.saveAllAndFlush(List.of(newest, oldest, middle));
		this.entityManager.clear();

		assertThat(this.bills.findAllByOrderByOpenedAtAscIdAsc()).extracting(Bill::getId)
			.containsExactly(oldest.getId(), middle.getId(), newest.getId());
		assertThat(this.bills.findByStatusOrderByOpenedAtAscIdAsc(BillStatus.OPEN)).extracting(Bill::getId)
			.containsExactly(oldest.getId(), newest.getId());
		assertThat(this.bills.findByStatusOrderByOpenedAtAscIdAsc(BillStatus.PAID)).extracting(Bill::getId)
			.containsExactly(middle.getId());
	}

	@Test
	void keepsTheTaxRuleOfABill() {
		Bill bill = this.bills.saveAndFlush(Bills.open(Bills.TEN_PERCENT_ON_TOP, BillLine.of("Soup", 1, eur("5.00"))));
		this.entityManager.clear();

		assertThat(this.bills.findById(bill.getId()).orElseThrow().getTaxRule()).contains(Bills.TEN_PERCENT_ON_TOP);
	}

	@Test
	void readsABillOpenedBeforeTaxRulesWereRecordedWithoutOne() {
		Bill bill = this.bills.saveAndFlush(Bills.margheritasForTwo());
		this.entityManager.getEntityManager()
			.createNativeQuery("update bill set tax_rate = null, prices_include_tax = null where id = ?1")
			.setParameter(1, bill.getId())
			.executeUpdate();
		this.entityManager.clear();

		Bill old = this.bills.findById(bill.getId()).orElseThrow();

		assertThat(old.getTaxRule()).isEmpty();
		assertThat(Receipt.print(old, "The Restaurant", java.time.ZoneOffset.UTC))
			.contains("\nTax                                   1.73\n");
	}

	@Test
	void findsABillForPaymentWithItsPayments() {
		Bill bill = Bills.costing("20.00");
		bill.pay(PaymentMethod.CARD, eur("5.00"), null, null, "301", PAID_AT);
		this.bills.saveAndFlush(bill);
		this.entityManager.clear();

		Bill locked = this.bills.findForPayment(bill.getId()).orElseThrow();

		assertThat(locked.getPayments()).hasSize(1);
		assertThat(locked.getBalanceDue()).isEqualTo(eur("15.00"));
		assertThat(this.bills.findForPayment(java.util.UUID.randomUUID())).isEmpty();
	}

	@Test
	void refusesToStoreAPaymentTakenOnABillSomeoneElseChanged() {
		Bill bill = this.bills.saveAndFlush(Bills.costing("20.00"));
		// another transaction took a payment meanwhile and moved the version on
		this.entityManager.getEntityManager()
			.createNativeQuery("update bill set version = version + 1 where id = ?1")
			.setParameter(1, bill.getId())
			.executeUpdate();

		bill.pay(PaymentMethod.CARD, eur("20.00"), null, null, "301", PAID_AT);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.bills.flush());
	}

}
