package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.platform.observability.OrderIdBaggage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cashier's till: opens bills and takes payments, each in one transaction that saves
 * the bill, so the events the bill registered ({@link BillPaid}) reach the outbox with
 * exactly what was committed.
 */
@Service
public class Cashier {

	private static final Logger log = LoggerFactory.getLogger(Cashier.class);

	private final BillRepository bills;

	private final CashierSettings settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ObjectProvider<OrderIdBaggage> traces;

	Cashier(BillRepository bills, CashierSettings settings, Clock clock, PlatformTransactionManager transactionManager,
			ObjectProvider<OrderIdBaggage> traces) {
		this.bills = bills;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
		this.traces = traces;
	}

	/**
	 * Opens the bill of a served order, once: the order-service re-sends until it hears
	 * back, so a second request for the same order returns the bill already opened and
	 * changes nothing. Two requests at the same moment both miss the lookup, but only one
	 * insert passes the unique constraint on the order id; the loser reads the winner's
	 * bill.
	 * @param orderId the order
	 * @param table the order's table
	 * @param lines the order's lines
	 * @return the bill, and whether this call opened it
	 */
	public Opening open(UUID orderId, String table, List<BillLine> lines) {
		var existing = this.bills.findByOrderId(orderId);
		if (existing.isPresent()) {
			return new Opening(existing.get(), false);
		}
		try {
			Bill bill = this.transaction.execute((status) -> {
				Bill opened = Bill.open(orderId, table, this.settings.currency(), lines, this.settings.taxRule(),
						now());
				// publishes BillPaid if the bill is paid on opening (nothing to pay)
				this.bills.saveAndFlush(opened);
				return opened;
			});
			log.info("Bill {} opened for order {} at table {} (lines: {}): total {} {}, tax {}", bill.getId(), orderId,
					table, lines.size(), bill.getTotal(), bill.getCurrency(), bill.getTax());
			if (bill.isPaid()) {
				log.info("Bill {} for order {} paid in full on opening: nothing to pay", bill.getId(), orderId);
			}
			return new Opening(bill, true);
		}
		catch (DataIntegrityViolationException ex) {
			return this.bills.findByOrderId(orderId).map((bill) -> new Opening(bill, false)).orElseThrow(() -> ex);
		}
	}

	/**
	 * Takes a payment towards a bill (see {@link Bill#pay} for the rules). The payment
	 * that covers the balance registers {@link BillPaid} on the bill, and saving the bill
	 * publishes it in the same transaction. The bill's row stays locked until that
	 * transaction ends, so payments on one bill at the same moment take turns: each sees
	 * the balance the one before it left. Joins the caller's transaction if there is one
	 * (an idempotent request stores its response in it).
	 * @param billId the bill
	 * @param method how the customer pays
	 * @param amount what counts against the balance
	 * @param tip a tip on top, or {@code null}
	 * @param tendered cash handed over, or {@code null}
	 * @param takenBy the staff number of the cashier
	 * @return the payment
	 * @throws BillNotFound if no bill has this id
	 */
	public Payment pay(UUID billId, PaymentMethod method, BigDecimal amount, BigDecimal tip, BigDecimal tendered,
			String takenBy) {
		return this.transaction.execute((status) -> {
			Bill bill = this.bills.findForPayment(billId).orElseThrow(() -> new BillNotFound(billId));
			// before the save, which writes the order-service's message with the trace in
			// it
			this.traces.ifAvailable((trace) -> trace.tag(bill.getOrderId()));
			Payment payment = bill.pay(method, amount, tip, tendered, takenBy, now());
			// the bill is managed and would be written at commit anyway; save() is what
			// publishes the events it registered
			this.bills.save(bill);
			// logged once committed: the transaction may be the caller's, and end later
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					logPayment(bill, payment);
				}
			});
			return payment;
		});
	}

	private static void logPayment(Bill bill, Payment payment) {
		log.info("Payment {} taken by {} on bill {} for order {}: {} {} {} (tip {}), balance due {}", payment.getId(),
				payment.getTakenBy(), bill.getId(), bill.getOrderId(), payment.getMethod(), payment.getAmount(),
				bill.getCurrency(), payment.getTip(), bill.getBalanceDue());
		if (bill.isPaid()) {
			log.info("Bill {} for order {} paid in full ({} {} in {} payments)", bill.getId(), bill.getOrderId(),
					bill.getTotal(), bill.getCurrency(), bill.getPayments().size());
		}
	}

	private Instant now() {
		// the database keeps microseconds: what is answered now must equal what is read
		// later
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The outcome of {@link #open}.
	 *
	 * @param bill the order's bill
	 * @param created {@code true} if this call opened it, {@code false} if it existed
	 */
	public record Opening(Bill bill, boolean created) {
	}

}
