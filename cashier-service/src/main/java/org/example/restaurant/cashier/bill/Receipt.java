package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.example.restaurant.platform.money.Money;

/**
 * A bill printed for the customer: plain text in fixed-width columns ({@link #WIDTH}
 * characters, amounts right-aligned), so that it reads the same on a terminal, in a
 * browser and on a receipt printer. It shows the restaurant's name, the table, when the
 * bill was opened and paid (in the restaurant's time zone), the lines, subtotal, tax
 * (with its rate) and total, each payment (with its tip, and what was tendered and given
 * back for cash), the tips, and at the foot {@code PAID} or the {@code BALANCE DUE}.
 */
public final class Receipt {

	/** Characters per line. */
	public static final int WIDTH = 42;

	private static final int AMOUNT_WIDTH = 10;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final List<String> lines = new ArrayList<>();

	private final ZoneId zone;

	private Receipt(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Prints a bill.
	 * @param bill the bill
	 * @param restaurantName the name at the top
	 * @param zone the time zone times are printed in
	 * @return the receipt, lines ending with {@code \n}
	 */
	public static String print(Bill bill, String restaurantName, ZoneId zone) {
		Receipt receipt = new Receipt(zone);
		receipt.head(bill, restaurantName);
		receipt.items(bill);
		receipt.totals(bill);
		receipt.payments(bill);
		receipt.foot(bill);
		return String.join("\n", receipt.lines) + "\n";
	}

	private void head(Bill bill, String restaurantName) {
		centred(restaurantName);
		rule('=');
		add("Table " + bill.getTable());
		add("Bill " + bill.getId());
		add("Opened " + time(bill.getOpenedAt()) + " " + this.zone.getId());
		if (bill.getPaidAt() != null) {
			add("Paid   " + time(bill.getPaidAt()) + " " + this.zone.getId());
		}
		rule('-');
	}

	private void items(Bill bill) {
		for (BillLine line : bill.getLines()) {
			String quantity = line.quantity() + " x ";
			List<String> name = wrap(line.name(), WIDTH - quantity.length() - AMOUNT_WIDTH - 1);
			row(quantity + name.get(0), amount(line.lineTotal()));
			String indent = " ".repeat(quantity.length());
			name.subList(1, name.size()).forEach((more) -> add(indent + more));
		}
		rule('-');
	}

	private void totals(Bill bill) {
		row("Subtotal", amount(bill.getSubtotal()));
		Optional<TaxRule> rule = bill.getTaxRule();
		row(rule.map((tax) -> "Tax " + tax.percent() + "%" + (tax.pricesIncludeTax() ? " (included)" : ""))
			.orElse("Tax"), amount(bill.getTax()));
		row("TOTAL " + bill.getCurrency(), amount(bill.getTotal()));
		rule('-');
	}

	private void payments(Bill bill) {
		if (bill.getPayments().isEmpty()) {
			return;
		}
		BigDecimal tips = Money.ZERO;
		for (Payment payment : bill.getPayments()) {
			row("%-6s%s".formatted(payment.getMethod(), time(payment.getPaidAt())), amount(payment.getAmount()));
			if (payment.getTip().signum() > 0) {
				row("  Tip", amount(payment.getTip()));
			}
			if (payment.getTendered() != null) {
				row("  Tendered", amount(payment.getTendered()));
				row("  Change", amount(payment.getChange()));
			}
			tips = tips.add(payment.getTip());
		}
		rule('-');
		row("Paid", amount(bill.getPaid()));
		row("Tips (not in the total)", amount(tips));
	}

	private void foot(Bill bill) {
		rule('=');
		if (bill.isPaid()) {
			centred("PAID");
		}
		else {
			row("BALANCE DUE " + bill.getCurrency(), amount(bill.getBalanceDue()));
		}
	}

	private String time(Instant instant) {
		return TIME.format(instant.atZone(this.zone));
	}

	private static String amount(BigDecimal amount) {
		return Money.of(amount).toPlainString();
	}

	private void row(String left, String right) {
		int room = WIDTH - right.length() - 1;
		String text = (left.length() > room) ? left.substring(0, room) : left;
		add(text + " ".repeat(WIDTH - text.length() - right.length()) + right);
	}

	private void centred(String text) {
		for (String part : wrap(text, WIDTH)) {
			add(" ".repeat((WIDTH - part.length()) / 2) + part);
		}
	}

	private void rule(char c) {
		add(String.valueOf(c).repeat(WIDTH));
	}

	private void add(String line) {
		this.lines.add(line.stripTrailing());
	}

	/**
	 * Breaks text into lines of at most {@code width} characters, at spaces if it can.
	 */
	private static List<String> wrap(String text, int width) {
		List<String> wrapped = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			while (word.length() > width) {
				if (!line.isEmpty()) {
					wrapped.add(line.toString());
					line.setLength(0);
				}
				wrapped.add(word.substring(0, width));
				word = word.substring(width);
			}
			if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
				wrapped.add(line.toString());
				line.setLength(0);
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(word);
		}
		if (!line.isEmpty() || wrapped.isEmpty()) {
			wrapped.add(line.toString());
		}
		return wrapped;
	}

}
