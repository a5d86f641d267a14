package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.example.restaurant.platform.money.Money;

/**
 * One payment towards a bill; only {@link Bill#pay} creates one, after checking it.
 * {@code amount} counts against the bill's balance; {@code tip} comes on top of it and
 * does not. For cash, {@code tendered} is what the customer handed over and
 * {@code change = tendered - amount - tip}; both are {@code null} for a card.
 */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(name = "method", nullable = false)
	private PaymentMethod method;

	@Column(name = "amount", nullable = false)
	private BigDecimal amount;

	@Column(name = "tip", nullable = false)
	private BigDecimal tip;

	@Column(name = "tendered")
	private BigDecimal tendered;

	@Column(name = "change_given")
	private BigDecimal change;

	/**
	 * The staff number of the cashier who took it (none on payments from before sign-in).
	 */
	@Column(name = "taken_by")
	private String takenBy;

	@Column(name = "paid_at", nullable = false)
	private Instant paidAt;

	protected Payment() {
	}

	Payment(PaymentMethod method, BigDecimal amount, BigDecimal tip, BigDecimal tendered, String takenBy,
			Instant paidAt) {
		this.id = UUID.randomUUID();
		this.method = method;
		this.amount = Money.of(amount);
		this.tip = Money.of(tip);
		this.tendered = (tendered != null) ? Money.of(tendered) : null;
		this.change = (tendered != null) ? this.tendered.subtract(this.amount).subtract(this.tip) : null;
		this.takenBy = Objects.requireNonNull(takenBy, "takenBy must not be null");
		this.paidAt = paidAt;
	}

	public UUID getId() {
		return this.id;
	}

	public PaymentMethod getMethod() {
		return this.method;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public BigDecimal getTip() {
		return this.tip;
	}

	public BigDecimal getTendered() {
		return this.tendered;
	}

	public BigDecimal getChange() {
		return this.change;
	}

	public String getTakenBy() {
		return this.takenBy;
	}

	public Instant getPaidAt() {
		return this.paidAt;
	}

}
