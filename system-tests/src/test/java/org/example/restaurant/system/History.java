package org.example.restaurant.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened in a chaos run, as the clients saw it (Jepsen's history): every call a
 * client sent with what it was told and when, the orders the clients meant to place, how
 * far each got, and the faults injected meanwhile. Written by many threads at once, read
 * by the {@link HistoryChecker} once the run is over.
 */
final class History {

	private final Instant start;

	private final List<Call> calls = new ArrayList<>();

	private final List<Fault> faults = new ArrayList<>();

	private final Map<Integer, PlannedOrder> orders = new TreeMap<>();

	private final Map<Integer, Outcome> outcomes = new TreeMap<>();

	History(Instant start) {
		this.start = start;
	}

	Instant start() {
		return this.start;
	}

	synchronized void planned(PlannedOrder order) {
		this.orders.put(order.number(), order);
	}

	synchronized void record(Call call) {
		this.calls.add(call);
	}

	synchronized void record(Fault fault) {
		this.faults.add(fault);
	}

	/** The end of an order's story: paid, or given up at a step. */
	synchronized void ended(Outcome outcome) {
		this.outcomes.put(outcome.order(), outcome);
	}

	synchronized List<Call> calls() {
		return List.copyOf(this.calls);
	}

	synchronized List<Fault> faults() {
		return List.copyOf(this.faults);
	}

	synchronized List<PlannedOrder> orders() {
		return List.copyOf(this.orders.values());
	}

	synchronized Map<Integer, Outcome> outcomes() {
		return Map.copyOf(this.outcomes);
	}

	/** The calls made for one order, in the order they were sent. */
	synchronized List<Call> callsOf(int order) {
		return this.calls.stream()
			.filter((call) -> call.order() == order)
			.sorted((a, b) -> a.sent().compareTo(b.sent()))
			.toList();
	}

	/** What a client does with an order, one step after the other. */
	enum Step {

		/** {@code POST /api/orders}, with the order's own {@code Idempotency-Key}. */
		PLACE,
		/**
		 * {@code GET /api/orders?status=READY}: a tablet's floor screen, belonging to no
		 * order, on which the tablet's orders waiting for the kitchen show up READY.
		 */
		FLOOR_SCREEN,
		/**
		 * {@code GET /api/orders/{id}}, once served, until it is PAID (or when a serve's
		 * answer was lost).
		 */
		READ_ORDER,
		/** {@code POST /api/orders/{id}/serve}. */
		SERVE,
		/** {@code GET /api/bills?orderId=...}, until the bill is open. */
		READ_BILL,
		/** {@code POST /api/bills/{id}/payments}, with the payment's own key. */
		PAY,
		/**
		 * {@code GET /api/kitchen/tickets}: the kitchen display, belonging to no order.
		 */
		KITCHEN_DISPLAY

	}

	/**
	 * An order a client means to place: its number in the run, the client, a table of its
	 * own (so that a second copy of the order, which no client was told of, is found at
	 * that table) and the keys it sends.
	 */
	record PlannedOrder(int number, String client, String table, String orderKey, String paymentKey) {
	}

	/**
	 * One call: who sent it, for which order ({@code -1} for none), what it was, with
	 * which {@code Idempotency-Key} (or {@code null}), when it went and when its answer
	 * came, the status ({@code 0} when none came: the connection failed or timed out,
	 * then {@code error} says how), the id the answer named (the order's, the bill's or
	 * the payment's), if any, and until when the staff token it carried was valid (its
	 * {@code exp}; {@code null} for a call without one), and which part answered (its
	 * {@code X-Instance-Id}: the gateway's for what the gateway answers itself, a
	 * service's for what the gateway routed; {@code null} when no answer came), and its
	 * {@code Retry-After}, if any.
	 */
	record Call(String client, int order, Step step, String key, Instant sent, Instant answered, int status,
			String error, String id, Instant tokenExpires, String answeredBy, String retryAfter) {

		static final int NO_ANSWER = 0;

		static final int NOT_SIGNED_IN = 401;

		static final int TOO_MANY_REQUESTS = 429;

		boolean serverError() {
			return this.status >= 500;
		}

		boolean unanswered() {
			return this.status == NO_ANSWER;
		}

		/**
		 * Whether the gateway answered the call itself (its own refusal or error, as its
		 * {@code X-Instance-Id} tells), or nobody is known to have answered it: not a
		 * service behind it.
		 */
		boolean answeredByTheGateway() {
			return this.answeredBy == null || this.answeredBy.startsWith("gateway");
		}

		/**
		 * Whether the call was shed for want of time: a service behind the gateway
		 * answered 503 with {@code Retry-After}, which the API promises changed nothing
		 * (its pool gave no connection within 2 s: busy or down, it cannot tell which),
		 * or the gateway answered 504 (no answer from the service within its 3 s) or 503
		 * itself (its circuit breaker open after such time-outs, or no instance of the
		 * service listed). A 500 or a 502 is never shed.
		 */
		boolean shed() {
			if (this.answeredBy == null) {
				return false;
			}
			return answeredByTheGateway() ? this.status == 503 || this.status == 504
					: this.status == 503 && this.retryAfter != null;
		}

		/**
		 * Whether the call was refused as not signed in although the token it carried had
		 * not expired when it was sent.
		 */
		boolean validTokenRefused() {
			return this.status == NOT_SIGNED_IN && this.tokenExpires != null && this.sent.isBefore(this.tokenExpires);
		}

	}

	/**
	 * A fault: what was done ({@code kill -9}, {@code SIGSTOP}) to which part, when, and
	 * when it was healed (restarted, or sent {@code SIGCONT}); {@code healed} is
	 * {@code null} when the run ended first.
	 */
	record Fault(String kind, String target, Instant injected, Instant healed) {

		static final String KILL = "kill -9";

		static final String PAUSE = "SIGSTOP";

		/**
		 * A kitchen replica cut off from its database ({@code ./restaurant partition}).
		 */
		static final String CUT_FROM_DATABASE = "partition from the database";

		/**
		 * A kitchen replica cut off from the registry ({@code ./restaurant partition}).
		 */
		static final String CUT_FROM_REGISTRY = "partition from the registry";

		/** Whether this fault took a kitchen replica away (not its database). */
		boolean ofKitchenReplica() {
			return this.target.startsWith("kitchen-") && !this.target.equals("kitchen-db");
		}

		/** Whether this fault took the Redis of the gateway's rate limiter away. */
		boolean ofRedis() {
			return this.target.equals(FaultSchedule.REDIS);
		}

		/** Whether this fault took the staff-service (sign-in, tokens) away. */
		boolean ofStaffService() {
			return this.target.startsWith("staff-");
		}

		/**
		 * Whether the fault may explain what a client was told at {@code at}: from when
		 * it was injected until {@code grace} after it was healed (the registry and the
		 * gateway's circuit breakers take a moment to notice the part is back).
		 */
		boolean covers(Instant at, Duration grace) {
			return !at.isBefore(this.injected) && (this.healed == null || !at.isAfter(this.healed.plus(grace)));
		}

		@Override
		public String toString() {
			return this.kind + " " + this.target;
		}

	}

	/**
	 * How an order's story ended: {@code paid}, or the client gave up ({@code gaveUpAt}
	 * the step it was at when its deadline passed).
	 */
	record Outcome(int order, boolean paid, Step gaveUpAt) {
	}

}
