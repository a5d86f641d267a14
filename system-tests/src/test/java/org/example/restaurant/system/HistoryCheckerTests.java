package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.system.FinalState.Finish;
import org.example.restaurant.system.History.Call;
import org.example.restaurant.system.History.Fault;
import org.example.restaurant.system.History.Outcome;
import org.example.restaurant.system.History.PlannedOrder;
import org.example.restaurant.system.History.Step;
import org.example.restaurant.system.HistoryChecker.Report;
import org.example.restaurant.system.HistoryChecker.Violation;
import org.example.restaurant.system.HistoryChecker.Violation.Kind;
import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.Payment;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run's checker on histories made by hand, no restaurant needed: a shift in
 * which everything went right has no violation, and each kind of violation, put into an
 * otherwise right shift, is caught and named with its order.
 */
class HistoryCheckerTests {

	private static final BigDecimal TOTAL = new BigDecimal("14.56");

	private final Instant start = Instant.parse("2026-12-01T20:00:00Z");

	private final History history = new History(this.start);

	private final List<Order> orders = new ArrayList<>();

	private final List<Ticket> tickets = new ArrayList<>();

	private final List<Bill> bills = new ArrayList<>();

	private final List<Finish> finishes = new ArrayList<>();

	@Test
	void aShiftWhereEverythingWentRightHasNoViolations() {
		paidOrder(1, "kitchen-1");
		Shift second = paidOrder(2, "kitchen-2");
		paidOrder(3, "kitchen-3");
		// the order-service was killed: the second order's first try got a 503, its
		// second was lost (no answer), the third was acknowledged with the same key
		this.history.record(new Fault(Fault.KILL, "order-1", at(5), at(30)));
		this.history.record(call(second.planned, Step.PLACE, second.planned.orderKey(), 10, 503, null));
		this.history.record(call(second.planned, Step.PLACE, second.planned.orderKey(), 12, Call.NO_ANSWER, null));

		Report report = check();

		assertThat(report.violations()).isEmpty();
		assertThat(report.acknowledged()).isEqualTo(3);
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(1, 1));
		assertThat(report.text()).contains("kill -9  order-1").contains("No violations.");
	}

	@Test
	void reportsTheRateTheClientsReachedFromTheOrdersFirstTries() {
		Shift first = paidOrder(2, "kitchen-1");
		for (int number = 2; number <= 5; number++) {
			paidOrder(number * 2, "kitchen-1");
		}
		// a late retry of the first order does not stretch the window
		this.history.record(call(first.planned, Step.PLACE, first.planned.orderKey(), 40, 201, null));

		Report report = check();

		// five orders, first tries 2 s apart: four intervals in 8 s
		assertThat(report.text()).contains("orders sent at 0.50/s");
	}

	@Test
	void catchesAnAcknowledgedOrderThatTheRestaurantDoesNotHold() {
		paidOrder(1, "kitchen-1");
		Shift lost = paidOrder(2, "kitchen-2");
		this.orders.remove(lost.order);

		assertCaught(check(), Kind.ORDER_MISSING, lost);
	}

	@Test
	void catchesASecondCopyOfAnOrderThatNoClientWasToldOf() {
		paidOrder(1, "kitchen-1");
		Shift twice = paidOrder(2, "kitchen-2");
		this.orders.add(order(UUID.randomUUID().toString(), twice.planned.table(), "PLACED"));

		assertCaught(check(), Kind.ORDER_DUPLICATED, twice);
	}

	@Test
	void catchesAnOrderPlacedTwiceThoughItsClientNeverHadAnAnswer() {
		PlannedOrder unanswered = planned(1);
		this.history.record(call(unanswered, Step.PLACE, unanswered.orderKey(), 1, Call.NO_ANSWER, null));
		this.orders.add(order(UUID.randomUUID().toString(), unanswered.table(), "PLACED"));
		this.orders.add(order(UUID.randomUUID().toString(), unanswered.table(), "PLACED"));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind).containsExactly(Kind.ORDER_DUPLICATED);
		assertThat(report.acknowledged()).isZero();
	}

	@Test
	void catchesAnAcknowledgedOrderThatDoesNotEndPaid() {
		Shift unpaid = paidOrder(1, "kitchen-1");
		this.orders.set(0, order(unpaid.order.id(), unpaid.planned.table(), "SERVED"));
		this.history.ended(new Outcome(1, false, Step.PAY));

		Report report = check();

		assertCaught(report, Kind.ORDER_NOT_PAID, unpaid);
		assertThat(report.violations().get(0).detail()).contains("ends SERVED").contains("gave up at PAY");
	}

	@Test
	void catchesAnOrderWithTwoTicketsAndOneWithNone() {
		Shift twoTickets = paidOrder(1, "kitchen-1");
		Shift noTicket = paidOrder(2, "kitchen-2");
		this.tickets.add(ticket(UUID.randomUUID().toString(), twoTickets.order, "QUEUED", null));
		this.tickets.remove(noTicket.ticket);

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind).containsExactly(Kind.TICKETS, Kind.TICKETS);
		assertThat(report.violations()).extracting(Violation::order)
			.containsExactly(twoTickets.planned, noTicket.planned);
	}

	@Test
	void catchesAnOrderWithTwoBills() {
		Shift twoBills = paidOrder(1, "kitchen-1");
		this.bills.add(bill(UUID.randomUUID().toString(), twoBills.order, List.of(payment(UUID.randomUUID(), TOTAL))));

		assertCaught(check(), Kind.BILLS, twoBills);
	}

	@Test
	void catchesABillWhosePaymentsDoNotAddUpToItsTotal() {
		Shift short_ = paidOrder(1, "kitchen-1");
		Payment taken = short_.bill.payments().get(0);
		this.bills.set(0, bill(short_.bill.id(), short_.order, List.of(payment(taken.id(), new BigDecimal("4.56")))));

		assertCaught(check(), Kind.PAYMENTS_DO_NOT_ADD_UP, short_);
	}

	@Test
	void catchesAPaymentTakenTwiceForOneKey() {
		Shift twice = paidOrder(1, "kitchen-1");
		List<Payment> payments = List.of(twice.bill.payments().get(0), payment(UUID.randomUUID(), TOTAL));
		this.bills.set(0, bill(twice.bill.id(), twice.order, payments));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind).contains(Kind.PAYMENT_TWICE);
		assertThat(report.violations()).extracting(Violation::order).containsOnly(twice.planned);
	}

	@Test
	void catchesAnAcknowledgedPaymentThatTheBillDoesNotHold() {
		Shift lost = paidOrder(1, "kitchen-1");
		this.bills.set(0, bill(lost.bill.id(), lost.order, List.of(payment(UUID.randomUUID(), TOTAL))));

		assertCaught(check(), Kind.PAYMENT_MISSING, lost);
	}

	@Test
	void catchesATicketFinishedByTwoReplicas() {
		Shift twice = paidOrder(1, "kitchen-2");
		// kitchen-1 was paused, kitchen-2 took the ticket over and finished it, and
		// kitchen-1, going on, finished it too
		this.finishes.add(new Finish(twice.ticket.id(), twice.order.id(), "kitchen-1", "kitchen-1.log"));

		Report report = check();

		assertCaught(report, Kind.TICKET_FINISHED_TWICE, twice);
		assertThat(report.violations().get(0).detail()).contains("[kitchen-2, kitchen-1]");
	}

	@Test
	void catchesATicketFinishedTwiceByOneReplica() {
		Shift twice = paidOrder(1, "kitchen-3");
		this.finishes.add(new Finish(twice.ticket.id(), twice.order.id(), "kitchen-3", "kitchen-3.log"));

		assertCaught(check(), Kind.TICKET_FINISHED_TWICE, twice);
	}

	@Test
	void catchesA5xxFromTheKitchenWhileOnlyAKitchenReplicaWasDown() {
		Report report = displayAnswered(504, 10, new Fault(Fault.PAUSE, "kitchen-2", at(5), at(13)));

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SERVER_ERROR_FOR_KITCHEN_REPLICA);
		assertThat(report.violations().get(0).detail()).contains("KITCHEN_DISPLAY answered 504")
			.contains("SIGSTOP kitchen-2");
	}

	@Test
	void catchesA5xxFromTheKitchenWhileOnlyAKitchenReplicaWasDownInARushToo() {
		paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "kitchen-2", at(5), at(13)));
		// the gateway's 504 and its open circuit: a shed anywhere else in a rush
		this.history.record(display(10, 504));
		this.history.record(display(11, 503));

		Report report = HistoryChecker.check(this.history, finalState(), true);

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SERVER_ERROR_FOR_KITCHEN_REPLICA, Kind.SERVER_ERROR_FOR_KITCHEN_REPLICA);
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(2, 0, 0));
	}

	@Test
	void catchesA5xxFromAPartThatWasNotDownWhileAnotherWas() {
		Shift paid = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "kitchen-2", at(5), at(30)));
		// the cashier, while only a kitchen replica was down: reading a bill needs no
		// kitchen
		this.history.record(call(paid.planned, Step.READ_BILL, null, 10, 503, null));

		Report report = check();

		assertCaught(report, Kind.SERVER_ERROR_FROM_A_PART_NOT_DOWN, paid);
		assertThat(report.violations().get(0).detail())
			.contains("order #1 (" + paid.order.id() + ") READ_BILL answered 503")
			.contains("kill -9 kitchen-2");
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(1, 0));
	}

	@Test
	void catchesACallRefusedWhileOnlyTheRateLimitersRedisWasDown() {
		Shift refused = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "redis", at(5), at(10)));
		this.history.record(call(refused.planned, Step.PLACE, refused.planned.orderKey(), 7, 429, null));
		this.history.record(call(refused.planned, Step.PLACE, refused.planned.orderKey(), 8, 503, null));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.REFUSED_WHILE_REDIS_DOWN, Kind.REFUSED_WHILE_REDIS_DOWN);
		assertThat(report.violations()).extracting(Violation::order).containsOnly(refused.planned);
		assertThat(report.violations().get(0).detail()).contains("PLACE answered 429").contains("kill -9 redis");
	}

	@Test
	void catchesACallRefusedWhileTheRateLimitersRedisWasDownThoughAnotherPartHadJustComeBack() {
		Shift refused = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "cashier-1", at(2), at(4)));
		this.history.record(new Fault(Fault.KILL, "redis", at(6), at(10)));
		// placing an order needs neither the cashier nor Redis
		this.history.record(call(refused.planned, Step.PLACE, refused.planned.orderKey(), 7, 429, null));
		this.history.record(call(refused.planned, Step.PLACE, refused.planned.orderKey(), 8, 503, null));
		// a bill, while the cashier's grace lasts: the cashier's
		this.history.record(call(refused.planned, Step.READ_BILL, null, 9, 503, null));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.REFUSED_WHILE_REDIS_DOWN, Kind.REFUSED_WHILE_REDIS_DOWN);
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(2, 1));
	}

	@Test
	void putsAServicesOwn5xxWhileRedisWasDownToTheServiceNotToTheRateLimiter() {
		Shift refused = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "redis", at(5), at(10)));
		// the order-service's own 500, routed through the gateway
		this.history.record(answeredBy(call(refused.planned, Step.PLACE, refused.planned.orderKey(), 8, 500, null),
				"order-1", null));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SERVER_ERROR_FROM_A_PART_NOT_DOWN);
		assertThat(report.violations().get(0).detail()).contains("PLACE answered 500 by order-1");
	}

	@Test
	void countsWhatAServiceShedInARushAndFailsItAtALightLoad() {
		Shift shed = paidOrder(1, "kitchen-1");
		// the order-service's pool gave no connection in time: 503 with Retry-After
		this.history
			.record(answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 8, 503, null), "order-1", "5"));

		Report rush = HistoryChecker.check(this.history, finalState(), true);
		Report light = check();

		assertThat(rush.violations()).isEmpty();
		assertThat(rush.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(1, 0, 1));
		assertThat(rush.text())
			.contains("shed in a rush (503 with Retry-After, the gateway's 504 or open circuit; sent again) 1");
		assertThat(light.violations()).extracting(Violation::kind).containsExactly(Kind.SERVER_ERROR_WITHOUT_FAULT);
		assertThat(light.violations().get(0).detail()).contains("PLACE answered 503 by order-1")
			.contains("no fault active");
	}

	@Test
	void countsTheGatewaysTimeOutsAndOpenCircuitsInARushButNoOtherServerError() {
		Shift shed = paidOrder(1, "kitchen-1");
		// the order-service did not answer within the gateway's 3 s, then the circuit
		// breaker opened
		this.history
			.record(answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 8, 504, null), "gateway", null));
		this.history
			.record(answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 9, 503, null), "gateway", null));
		// shed by nobody: the gateway could not read the answer, the service failed, a
		// service's 503 that does not say when to come back
		this.history.record(
				answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 10, 502, null), "gateway", null));
		this.history.record(
				answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 11, 500, null), "order-1", null));
		this.history.record(
				answeredBy(call(shed.planned, Step.PLACE, shed.planned.orderKey(), 12, 503, null), "order-1", null));

		Report rush = HistoryChecker.check(this.history, finalState(), true);
		Report light = check();

		assertThat(rush.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(5, 0, 2));
		assertThat(rush.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SERVER_ERROR_WITHOUT_FAULT, Kind.SERVER_ERROR_WITHOUT_FAULT,
					Kind.SERVER_ERROR_WITHOUT_FAULT);
		assertThat(light.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SERVER_ERROR_WITHOUT_FAULT, Kind.SERVER_ERROR_WITHOUT_FAULT,
					Kind.SERVER_ERROR_WITHOUT_FAULT, Kind.SERVER_ERROR_WITHOUT_FAULT, Kind.SERVER_ERROR_WITHOUT_FAULT);
	}

	/** The call, as answered by that part, with that {@code Retry-After}. */
	private static Call answeredBy(Call call, String part, String retryAfter) {
		return new Call(call.client(), call.order(), call.step(), call.key(), call.sent(), call.answered(),
				call.status(), call.error(), call.id(), call.tokenExpires(), part, retryAfter);
	}

	@Test
	void catchesA5xxToASignedInPersonWhileTheStaffServiceWasDown() {
		paidOrder(1, "kitchen-1");
		Shift failed = paidOrder(2, "kitchen-2");
		this.history.record(new Fault(Fault.KILL, "staff-1", at(5), at(20)));
		// reading the order needs no staff-service: its token is checked with the keys
		// the services already hold
		this.history.record(call(failed.planned, Step.READ_ORDER, null, 10, 503, null));

		Report report = check();

		assertCaught(report, Kind.SIGNED_IN_CALL_FAILED_WHILE_STAFF_DOWN, failed);
		assertThat(report.violations().get(0).detail()).contains("(" + failed.order.id() + ")")
			.contains("READ_ORDER answered 503")
			.contains("kill -9 staff-1");
		assertThat(report.text()).contains("[kill -9 staff-1]: {READ_ORDER 503=1}");
	}

	@Test
	void catchesAValidTokenRefusedWhileTheStaffServiceWasDownAndAtAnyOtherTime() {
		Shift refused = paidOrder(1, "kitchen-1");
		Shift later = paidOrder(2, "kitchen-2");
		this.history.record(new Fault(Fault.KILL, "staff-1", at(5), at(20)));
		this.history.record(call(refused.planned, Step.PAY, refused.planned.paymentKey(), 12, 401, null));
		this.history.record(call(later.planned, Step.SERVE, null, 100, 401, null));

		Report report = check();

		assertThat(report.violations()).extracting(Violation::kind)
			.containsExactly(Kind.SIGNED_IN_CALL_FAILED_WHILE_STAFF_DOWN, Kind.VALID_TOKEN_REFUSED);
		assertThat(report.violations()).extracting(Violation::order).containsExactly(refused.planned, later.planned);
		assertThat(report.violations().get(0).detail()).contains("PAY answered 401")
			.contains("valid until " + tokenExpires());
	}

	@Test
	void letsATokenThatHadExpiredBeRefusedWhileTheStaffServiceIsDown() {
		Shift expired = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "staff-1", at(5), at(20)));
		// the token had expired: the client signs in again (not in the history), which
		// may take until the staff-service is back
		this.history.record(new Call(expired.planned.client(), 1, Step.READ_ORDER, null, at(10), at(10), 401, null,
				null, at(9), "gateway", null));

		assertThat(check().violations()).isEmpty();
	}

	@Test
	void catchesA5xxToldToAClientWhileNothingWasWrong() {
		// the kitchen display, long after the cashier was back
		Report report = displayAnswered(500, 60, new Fault(Fault.KILL, "cashier-1", at(5), at(20)));

		assertThat(report.violations()).extracting(Violation::kind).containsExactly(Kind.SERVER_ERROR_WITHOUT_FAULT);
		assertThat(report.violations().get(0).order()).isNull();
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(1, 0));
	}

	@Test
	void putsA5xxDownToTheFaultOfThePartItReachedAlongsideAKitchenReplica() {
		Shift served = paidOrder(1, "kitchen-1");
		this.history.record(new Fault(Fault.KILL, "kitchen-2", at(5), at(30)));
		this.history.record(new Fault(Fault.KILL, "kitchen-db", at(8), at(25)));
		this.history.record(new Fault(Fault.KILL, "order-1", at(40), at(50)));
		// the kitchen while its database was down, and within the grace after it was
		// back; the order-service while it was down
		this.history.record(display(10, 503));
		this.history.record(display(25 + HistoryChecker.GRACE.toSeconds() - 1, 503));
		this.history.record(call(served.planned, Step.PLACE, served.planned.orderKey(), 45, 503, null));

		Report report = check();

		assertThat(report.violations()).isEmpty();
		assertThat(report.serverErrors()).isEqualTo(new HistoryChecker.ServerErrors(3, 3));
	}

	private Report check() {
		return HistoryChecker.check(this.history, finalState());
	}

	private FinalState finalState() {
		return new FinalState(this.orders, this.tickets, this.bills, this.finishes, List.of());
	}

	private static void assertCaught(Report report, Kind kind, Shift shift) {
		assertThat(report.violations()).as(report.text()).extracting(Violation::kind).containsExactly(kind);
		assertThat(report.violations().get(0).order()).isEqualTo(shift.planned);
		assertThat(report.text()).contains(kind.name()).contains("order #" + shift.planned.number());
	}

	/**
	 * An order of the run that went right all the way: acknowledged (201), cooked and
	 * finished by the replica, billed, paid once (201), seen PAID by its client.
	 */
	private Shift paidOrder(int number, String replica) {
		PlannedOrder planned = planned(number);
		Order order = order(UUID.randomUUID().toString(), planned.table(), "PAID");
		Ticket ticket = ticket(UUID.randomUUID().toString(), order, "READY", replica);
		Payment payment = payment(UUID.randomUUID(), TOTAL);
		Bill bill = bill(UUID.randomUUID().toString(), order, List.of(payment));
		this.history.record(call(planned, Step.PLACE, planned.orderKey(), number, 201, order.id()));
		this.history.record(call(planned, Step.PAY, planned.paymentKey(), number + 20, 201, payment.id()));
		this.history.ended(new Outcome(number, true, null));
		this.orders.add(order);
		this.tickets.add(ticket);
		this.bills.add(bill);
		this.finishes.add(new Finish(ticket.id(), order.id(), replica, replica + ".log"));
		return new Shift(planned, order, ticket, bill);
	}

	private PlannedOrder planned(int number) {
		PlannedOrder planned = new PlannedOrder(number, "tablet-1", "Xtest-" + number, UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
		this.history.planned(planned);
		return planned;
	}

	private Call call(PlannedOrder order, Step step, String key, long second, int status, String id) {
		return new Call(order.client(), order.number(), step, key, at(second).minusMillis(100), at(second), status,
				(status == Call.NO_ANSWER) ? "HttpTimeoutException: request timed out" : null, id, tokenExpires(),
				answeredBy(step, status), null);
	}

	/**
	 * The report of a shift of one paid order, with a fault, where the kitchen display's
	 * poll was answered at the second with the status.
	 */
	private Report displayAnswered(int status, long second, Fault fault) {
		paidOrder(1, "kitchen-1");
		this.history.record(fault);
		this.history.record(display(second, status));
		return check();
	}

	/** The kitchen display's poll, answered at the second with the status. */
	private Call display(long second, int status) {
		return new Call("kitchen-display", -1, Step.KITCHEN_DISPLAY, null, at(second).minusMillis(100), at(second),
				status, null, null, tokenExpires(), answeredBy(Step.KITCHEN_DISPLAY, status), null);
	}

	/**
	 * Who answered a call of the step: the gateway for its own refusals and for the 502
	 * to 504 it gives when what is behind it is not there, the service otherwise.
	 */
	private static String answeredBy(Step step, int status) {
		if (status == Call.NO_ANSWER) {
			return null;
		}
		if (status == Call.NOT_SIGNED_IN || status == Call.TOO_MANY_REQUESTS || (status >= 502 && status <= 504)) {
			return "gateway";
		}
		return switch (step) {
			case PLACE, FLOOR_SCREEN, READ_ORDER, SERVE -> "order-1";
			case READ_BILL, PAY -> "cashier-1";
			case KITCHEN_DISPLAY -> "kitchen-1";
		};
	}

	/** The clients' tokens: signed in at the start of the shift, for 15 minutes. */
	private Instant tokenExpires() {
		return this.start.plus(Duration.ofMinutes(15));
	}

	private Instant at(long second) {
		return this.start.plus(Duration.ofSeconds(second));
	}

	private Order order(String id, String table, String status) {
		return new Order(id, table, status, List.of(), TOTAL, "101", this.start, this.start);
	}

	private Ticket ticket(String id, Order order, String status, String preparedBy) {
		return new Ticket(id, order.id(), order.table(), status, List.of(), preparedBy, this.start, this.start,
				(preparedBy != null) ? this.start : null, "READY".equals(status) ? at(3) : null);
	}

	private Bill bill(String id, Order order, List<Payment> payments) {
		BigDecimal paid = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Bill(id, order.id(), order.table(), "EUR", List.of(), TOTAL, BigDecimal.ZERO, TOTAL, paid,
				TOTAL.subtract(paid), "PAID", payments, this.start, at(25));
	}

	private Payment payment(UUID id, BigDecimal amount) {
		return new Payment(id.toString(), "CARD", amount, null, null, null, "301", at(25));
	}

	private Payment payment(String id, BigDecimal amount) {
		return payment(UUID.fromString(id), amount);
	}

	/** One order of a made-up shift: as planned, and as the restaurant holds it. */
	private record Shift(PlannedOrder planned, Order order, Ticket ticket, Bill bill) {
	}

}
