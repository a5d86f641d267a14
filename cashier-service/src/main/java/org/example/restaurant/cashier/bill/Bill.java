package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.example.restaurant.platform.money.Money;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The bill of one served order: its lines (copied from the order), the totals computed by
 * a {@link TaxRule} when it is opened, and the payments taken against it. A bill is
 * {@link BillStatus#OPEN} until the payments cover its total, then
 * {@link BillStatus#PAID}; several payments may split it.
 * <p>
 * Becoming paid registers a {@link BillPaid} event, which Spring Data publishes when the
 * bill is saved, in the same transaction, so the event publication registry (the outbox)
 * records it atomically with the payment. A bill becomes paid once, so the event is
 * registered once. Each payment taken registers a {@link PaymentTaken}, which only the
 * metrics count.
 * <p>
 * Two cashiers paying the same bill at once cannot overpay it: {@link Cashier} reads the
 * bill with its row locked ({@link BillRepository#findForPayment}), so payments on one
 * bill take turns, and the {@link Version} column would still make a commit fail
 * (optimistic locking) for a change made without that lock.
 */
@Entity
@Table(name = "bill")
public class Bill extends AbstractAggregateRoot<Bill> {

	@Id
	private UUID id;

	@Column(name = "order_id", nullable = false, updatable = false, unique = true)
	private UUID orderId;

	@Column(name = "table_name", nullable = false)
	private String table;

	@Column(name = "currency", nullable = false)
	private String currency;

	// Loaded with the bill in a second query per batch of bills, never joined: joining
	// two collections would multiply rows.
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "bill_line", joinColumns = @JoinColumn(name = "bill_id"))
	@OrderColumn(name = "line_no")
	@Fetch(FetchMode.SUBSELECT)
	private List<BillLine> lines = new ArrayList<>();

	// Empty (both columns null) for bills opened before the rule was recorded.
	@Embedded
	private TaxRule taxRule;

	@Embedded
	private TaxRule.Totals totals;

	@Column(name = "paid", nullable = false)
	private BigDecimal paid;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	private BillStatus status;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "bill_id", nullable = false, updatable = false)
	@OrderBy("paidAt ASC")
	@Fetch(FetchMode.SUBSELECT)
	private List<Payment> payments = new ArrayList<>();

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "paid_at")
	private Instant paidAt;

	@Version
	private Integer version;

	protected Bill() {
	}

	private Bill(UUID orderId, String table, String currency, List<BillLine> lines, TaxRule taxRule, Instant openedAt) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.table = table;
		this.currency = currency;
		this.lines = new ArrayList<>(lines);
		this.taxRule = taxRule;
		this.totals = taxRule.apply(lines.stream().map(BillLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
		this.paid = Money.ZERO;
		this.status = BillStatus.OPEN;
		this.openedAt = openedAt;
		if (this.totals.total().signum() == 0) {
			// nothing to pay (only free items): no payment could ever close the bill
			markPaid(openedAt);
		}
	}

	/**
	 * Opens the bill of a served order. A bill with a zero total (only free items) is
	 * {@link BillStatus#PAID} at once, since no payment could ever close it, and
	 * registers {@link BillPaid}, published when the bill is saved.
	 * @param orderId the order the bill is for
	 * @param table the table that ordered
	 * @param currency the currency the prices are in
	 * @param lines the order's lines, at least one
	 * @param taxRule how tax is computed
	 * @param at when the bill is opened
	 * @return the new bill
	 */
	public static Bill open(UUID orderId, String table, String currency, List<BillLine> lines, TaxRule taxRule,
			Instant at) {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(taxRule, "taxRule");
		Objects.requireNonNull(at, "at");
		if (lines == null || lines.isEmpty()) {
			throw new IllegalArgumentException("A bill needs at least one line");
		}
		return new Bill(orderId, table, currency, lines, taxRule, at);
	}

	/**
	 * Takes a payment towards this bill. The payment that brings the balance due to zero
	 * marks the bill {@link BillStatus#PAID} and registers {@link BillPaid}, published
	 * when the bill is saved.
	 * @param method how the customer pays
	 * @param amount what counts against the balance: more than zero, whole cents, at most
	 * the balance due
	 * @param tip a tip on top of the amount, or {@code null} for none
	 * @param tendered for cash, what the customer handed over (at least
	 * {@code amount + tip}); {@code null} means exactly {@code amount + tip}. Must be
	 * {@code null} for a card, which charges exactly {@code amount + tip}: a tendered
	 * amount there is a client's mistake, refused rather than ignored.
	 * @param takenBy the staff number of the cashier who takes it
	 * @param at when the payment is taken
	 * @return the payment
	 * @throws BillAlreadyPaid if the bill is paid
	 * @throws InvalidPayment if a field is missing or malformed (names the field)
	 * @throws PaymentExceedsBalance if the amount is more than the balance due
	 * @throws CashTenderedTooLow if cash tendered does not cover amount and tip
	 */
	public Payment pay(PaymentMethod method, BigDecimal amount, BigDecimal tip, BigDecimal tendered, String takenBy,
			Instant at) {
		if (this.status == BillStatus.PAID) {
			throw new BillAlreadyPaid(this.id);
		}
		if (method == null) {
			throw new InvalidPayment("method", "must be CASH or CARD");
		}
		if (amount == null || amount.signum() <= 0 || !Money.isWholeCents(amount)) {
			throw new InvalidPayment("amount", "must be more than 0 in whole cents");
		}
		BigDecimal theTip = (tip != null) ? tip : BigDecimal.ZERO;
		if (theTip.signum() < 0 || !Money.isWholeCents(theTip)) {
			throw new InvalidPayment("tip", "must be 0 or more in whole cents");
		}
		if (method == PaymentMethod.CARD && tendered != null) {
			throw new InvalidPayment("tendered", "must be empty for a CARD payment");
		}
		if (tendered != null && (tendered.signum() <= 0 || !Money.isWholeCents(tendered))) {
			throw new InvalidPayment("tendered", "must be more than 0 in whole cents");
		}
		BigDecimal balanceDue = getBalanceDue();
		if (amount.compareTo(balanceDue) > 0) {
			throw new PaymentExceedsBalance(this.id, Money.of(amount), balanceDue);
		}
		BigDecimal owed = amount.add(theTip);
		BigDecimal theTendered = tendered;
		if (method == PaymentMethod.CASH) {
			if (theTendered == null) {
				theTendered = owed;
			}
			else if (theTendered.compareTo(owed) < 0) {
				throw new CashTenderedTooLow(this.id, Money.of(theTendered), Money.of(owed));
			}
		}
		Payment payment = new Payment(method, amount, theTip, theTendered, takenBy, at);
		this.payments.add(payment);
		this.paid = this.paid.add(payment.getAmount());
		registerEvent(new PaymentTaken(this.id, payment.getId(), payment.getMethod(), payment.getAmount()));
		if (getBalanceDue().signum() == 0) {
			markPaid(at);
		}
		return payment;
	}

	private void markPaid(Instant at) {
		this.status = BillStatus.PAID;
		this.paidAt = at;
		registerEvent(new BillPaid(this.id, this.orderId, at));
	}

	/**
	 * @return the events registered since the bill was last saved; Spring Data publishes
	 * and clears them on save
	 */
	Collection<Object> pendingEvents() {
		return domainEvents();
	}

	/**
	 * What is still to pay.
	 * @return {@code total - paid}, in cents
	 */
	public BigDecimal getBalanceDue() {
		return this.totals.total().subtract(this.paid);
	}

	public boolean isPaid() {
		return this.status == BillStatus.PAID;
	}

	/**
	 * A payment taken on this bill.
	 * @param paymentId the payment's id
	 * @return the payment, if this bill has it
	 */
	public Optional<Payment> findPayment(UUID paymentId) {
		return this.payments.stream().filter((payment) -> payment.getId().equals(paymentId)).findFirst();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public String getTable() {
		return this.table;
	}

	public String getCurrency() {
		return this.currency;
	}

	public List<BillLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	/**
	 * The tax rule this bill's totals were computed with.
	 * @return the rule, empty for a bill opened before the rule was recorded with it
	 */
	public Optional<TaxRule> getTaxRule() {
		return Optional.ofNullable(this.taxRule);
	}

	public BigDecimal getSubtotal() {
		return this.totals.subtotal();
	}

	public BigDecimal getTax() {
		return this.totals.tax();
	}

	public BigDecimal getTotal() {
		return this.totals.total();
	}

	public BigDecimal getPaid() {
		return this.paid;
	}

	public BillStatus getStatus() {
		return this.status;
	}

	public List<Payment> getPayments() {
		return Collections.unmodifiableList(this.payments);
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getPaidAt() {
		return this.paidAt;
	}

}
