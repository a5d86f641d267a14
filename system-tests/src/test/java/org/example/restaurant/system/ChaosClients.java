package org.example.restaurant.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.example.restaurant.system.History.Call;
import org.example.restaurant.system.History.Outcome;
import org.example.restaurant.system.History.PlannedOrder;
import org.example.restaurant.system.History.Step;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;

import static org.awaitility.Awaitility.await;

/**
 * The restaurant's clients during a chaos run, behaving as real ones: waiters' tablets
 * that place orders at a set rate, serve them when their floor screen shows them ready
 * and take their payments at the till, and a kitchen display that polls the tickets.
 * Every call and what it was told goes into the {@link History}.
 * <p>
 * A tablet learns that its orders are ready as the front-of-house app does: it polls the
 * list of ready orders once a second, with {@code If-None-Match} (a 304 keeps the list it
 * has), not each of its orders. (Asking for each of a thousand orders waiting on the
 * cooks once a second was a thousand reads a second that no restaurant makes, and it held
 * the run's rate of orders down to about 28 a second.)
 * <p>
 * Each order has its own {@code Idempotency-Key}, and so has its payment: a call that
 * gets a 5xx, a 409 (the same key still in flight), a 429, or no answer at all (the
 * connection refused or dropped, or no answer within {@link #CALL_TIMEOUT}) is sent again
 * with the same key and body, after a back-off, until it is acknowledged or the order's
 * deadline passes. Reads and serving are simply asked again. An order's steps run on a
 * pool of threads, one step at a time, each step scheduling the next, so that thousands
 * of orders in flight need no thread each; each order belongs to one client (its name is
 * in the history). The steps wait for their time on one scheduling thread and run on a
 * pool of {@link #CALLERS} threads, so that a slow answer holds back neither the orders
 * due next nor the other tablets.
 */
final class ChaosClients implements AutoCloseable {

	/** How long a client waits for an answer before it counts the call as unanswered. */
	static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration POLL = Duration.ofSeconds(1);

	/** How many calls may wait for their answers at once. */
	static final int CALLERS = 512;

	private static final Line[] A_PIZZA_AND_A_LEMONADE = { Line.of("margherita", 1), Line.of("lemonade", 1) };

	private final Restaurant restaurant;

	private final History history;

	private final int clients;

	private final Duration deadline;

	private final ScheduledExecutorService timer;

	private final ExecutorService callers;

	private final Map<String, FloorScreen> screens = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicInteger planned = new AtomicInteger();

	private final String run = UUID.randomUUID().toString().substring(0, 4);

	/**
	 * {@code clients} tablets (threads) whose orders each give up once {@code deadline}
	 * has passed since they were first sent.
	 */
	ChaosClients(Restaurant restaurant, History history, int clients, Duration deadline) {
		this.restaurant = restaurant;
		this.history = history;
		this.clients = clients;
		this.deadline = deadline;
		this.timer = new ScheduledThreadPoolExecutor(1, (task) -> new Thread(task, "chaos-timer"));
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor callers = new ThreadPoolExecutor(CALLERS, CALLERS, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> new Thread(task, "chaos-client-" + threads.incrementAndGet()));
		callers.allowCoreThreadTimeOut(true);
		this.callers = callers;
	}

	/** Places {@code orders} orders, {@code perSecond} of them a second, from now on. */
	void placeAtRate(int orders, double perSecond) {
		for (int i = 0; i < orders; i++) {
			int number = this.planned.incrementAndGet();
			long at = Math.round(i * 1000.0 / perSecond);
			later(() -> start(number), at);
		}
	}

	/** The kitchen display: the open tickets every second, until closed. */
	void watchTheKitchen() {
		try {
			send("kitchen-display", -1, Step.KITCHEN_DISPLAY, null, get("/api/kitchen/tickets?status=QUEUED,PREPARING"),
					this.restaurant.as(Staff.Role.COOK));
		}
		catch (RuntimeException ex) {
			// a sign-in that failed: the display tries again at its next poll
		}
		later(this::watchTheKitchen, POLL.toMillis());
	}

	/** Waits until every order placed so far is paid or given up. */
	void awaitEveryOrder(Duration atMost) {
		await("every order of the run to be paid or given up").atMost(atMost)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.history.outcomes().size() == this.planned.get());
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.callers.shutdownNow();
		try {
			this.callers.awaitTermination(CALL_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void start(int number) {
		String client = "tablet-" + (1 + (number - 1) % this.clients);
		String table = "X" + this.run + "-" + number;
		PlannedOrder order = new PlannedOrder(number, client, table, UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
		this.history.planned(order);
		OrderRun run = new OrderRun(order, Instant.now().plus(this.deadline));
		step(run);
	}

	/** Takes the order one step further, and schedules what comes next. */
	private void step(OrderRun run) {
		if (Instant.now().isAfter(run.deadline)) {
			end(run, false);
			return;
		}
		try {
			switch (run.step) {
				case PLACE -> place(run);
				case READ_ORDER -> readOrder(run);
				case SERVE -> serve(run);
				case READ_BILL -> readBill(run);
				case PAY -> pay(run);
				default -> throw new IllegalStateException("no such step for an order: " + run.step);
			}
		}
		catch (RuntimeException ex) {
			// a sign-in that failed (the staff-service away too long), a body not
			// understood:
			// counted as the step's failure, and tried again
			again(run, backOff(run));
		}
	}

	private void place(OrderRun run) {
		sendWithKey(run, Step.PLACE, run.order.orderKey(), "/api/orders",
				Waiter.orderJson(run.order.table(), A_PIZZA_AND_A_LEMONADE), this.restaurant.as(Staff.Role.WAITER),
				(response) -> response.as(Order.class).id(), (orderId) -> {
					run.orderId = orderId;
					run.step = Step.FLOOR_SCREEN;
					run.attempts = 0;
					screen(run.order.client()).await(run);
				},
				// a refusal (4xx) a correct restaurant never gives this order: no use
				// asking again
				() -> end(run, false));
	}

	private void readOrder(OrderRun run) {
		Answer answer = send(run, Step.READ_ORDER, null, get("/api/orders/" + run.orderId),
				this.restaurant.as(Staff.Role.WAITER), (response) -> response.as(Order.class).status(), 200);
		String status = answer.id();
		if ("PAID".equals(status)) {
			end(run, true);
		}
		else if ("READY".equals(status)) {
			next(run, Step.SERVE, Duration.ZERO);
		}
		else if ("SERVED".equals(status)) {
			next(run, (run.paymentId != null) ? Step.READ_ORDER : Step.READ_BILL, POLL);
		}
		else {
			again(run, POLL);
		}
	}

	private void serve(OrderRun run) {
		Answer answer = send(run, Step.SERVE, null, post("/api/orders/" + run.orderId + "/serve", "", null),
				this.restaurant.as(Staff.Role.WAITER), (response) -> run.orderId, 200);
		// 200, or a 409 because an earlier serve whose answer was lost went through:
		// reading the order tells which
		next(run, (answer.status() == 200) ? Step.READ_BILL : Step.READ_ORDER,
				(answer.status() == 200) ? Duration.ZERO : POLL);
	}

	private void readBill(OrderRun run) {
		Answer answer = send(run, Step.READ_BILL, null, get("/api/bills?orderId=" + run.orderId),
				this.restaurant.as(Staff.Role.CASHIER), (response) -> {
					List<Bill> bills = response.asListOf(Bill.class);
					if (bills.isEmpty()) {
						return null;
					}
					run.billId = bills.get(0).id();
					if (run.amount == null) {
						run.amount = bills.get(0).balanceDue();
					}
					return bills.get(0).status();
				}, 200);
		if ("PAID".equals(answer.id())) {
			next(run, Step.READ_ORDER, POLL);
		}
		else if (answer.id() != null) {
			next(run, Step.PAY, Duration.ZERO);
		}
		else {
			again(run, POLL);
		}
	}

	private void pay(OrderRun run) {
		sendWithKey(run, Step.PAY, run.order.paymentKey(), Till.paymentsOf(run.billId),
				PaymentRequest.card(run.amount).json(), this.restaurant.as(Staff.Role.CASHIER),
				(response) -> response.as(Till.Payment.class).id(), (paymentId) -> {
					run.paymentId = paymentId;
					next(run, Step.READ_ORDER, POLL);
				},
				// refused (the bill paid already, say): the bill tells what happened
				() -> next(run, Step.READ_BILL, POLL));
	}

	/**
	 * A POST of a step with its {@code Idempotency-Key}: acknowledged (201), the order
	 * goes on with the id the answer named; a 5xx, a 409, a 429 or no answer, the same
	 * call is sent again after a back-off; refused, the order goes on as {@code refused}
	 * says.
	 */
	private void sendWithKey(OrderRun run, Step step, String key, String path, String body, Staff as,
			Function<Restaurant.Response, String> id, Consumer<String> acknowledged, Runnable refused) {
		Answer answer = send(run, step, key, post(path, body, key), as, id, 201);
		if (answer.status() == 201) {
			acknowledged.accept(answer.id());
		}
		else if (repeatable(answer)) {
			again(run, backOff(run));
		}
		else {
			refused.run();
		}
	}

	private static boolean repeatable(Answer answer) {
		return answer.status() == Call.NO_ANSWER || answer.status() >= 500 || answer.status() == 409
				|| answer.status() == 429;
	}

	private void next(OrderRun run, Step step, Duration after) {
		run.step = step;
		run.attempts = 0;
		again(run, after);
	}

	private void again(OrderRun run, Duration after) {
		run.attempts++;
		later(() -> step(run), after.toMillis());
	}

	/** Runs the task on a caller's thread once the milliseconds have passed. */
	private void later(Runnable task, long millis) {
		try {
			this.timer.schedule(() -> this.callers.execute(task), millis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException closed) {
			// the run is over
		}
	}

	private FloorScreen screen(String client) {
		return this.screens.computeIfAbsent(client, (name) -> {
			FloorScreen screen = new FloorScreen(name);
			later(screen::look, 0);
			return screen;
		});
	}

	/** Half a second, doubling with each attempt up to five, with jitter. */
	private static Duration backOff(OrderRun run) {
		long millis = Math.min(5_000, 500L << Math.min(run.attempts, 4));
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	private void end(OrderRun run, boolean paid) {
		this.history.ended(new Outcome(run.order.number(), paid, paid ? null : run.step));
	}

	private Answer send(OrderRun run, Step step, String key, HttpRequest.Builder request, Staff as,
			Function<Restaurant.Response, String> id, int expected) {
		return send(run.order.client(), run.order.number(), step, key, request, as, id, expected);
	}

	private Answer send(String client, int order, Step step, String key, HttpRequest.Builder request, Staff as) {
		return send(client, order, step, key, request, as, (response) -> null, 200);
	}

	/**
	 * Sends a call as the person, signed in again once on a 401, records it (with until
	 * when its token was valid), and reads the id of a successful answer.
	 */
	private Answer send(String client, int order, Step step, String key, HttpRequest.Builder request, Staff as,
			Function<Restaurant.Response, String> id, int expected) {
		String token = as.token();
		Answer answer = exchange(client, order, step, key, request, token, id, expected);
		if (answer.status() == Call.NOT_SIGNED_IN) {
			answer = exchange(client, order, step, key, request, as.renew(token), id, expected);
		}
		return answer;
	}

	private Answer exchange(String client, int order, Step step, String key, HttpRequest.Builder request, String token,
			Function<Restaurant.Response, String> id, int expected) {
		request.setHeader("Authorization", "Bearer " + token);
		Instant tokenExpires = Instant.ofEpochSecond(HandMadeTokens.claims(token).path("exp").asLong());
		Instant sent = Instant.now();
		int status = Call.NO_ANSWER;
		String error = null;
		String named = null;
		String answeredBy = null;
		String retryAfter = null;
		try {
			HttpResponse<String> response = this.http.send(request.timeout(CALL_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			answeredBy = response.headers().firstValue("X-Instance-Id").orElse(null);
			retryAfter = response.headers().firstValue("Retry-After").orElse(null);
			Restaurant.Response answer = new Restaurant.Response(status, response.headers().map(), response.body());
			if (status == expected) {
				named = id.apply(answer);
			}
			else if (status == Call.NOT_SIGNED_IN) {
				// why the token was refused: Bearer error="invalid_token",
				// error_description="..."
				error = "WWW-Authenticate: " + answer.header("WWW-Authenticate");
			}
			else if (status >= 500 || status == Call.TOO_MANY_REQUESTS) {
				error = problemTitle(answer);
			}
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		this.history.record(new Call(client, order, step, key, sent, Instant.now(), status, error, named, tokenExpires,
				answeredBy, retryAfter));
		return new Answer(status, named);
	}

	/** What a 5xx says it is: its problem's title, or the start of its body. */
	private static String problemTitle(Restaurant.Response answer) {
		try {
			return answer.problem().title();
		}
		catch (RuntimeException notAProblem) {
			String body = answer.body();
			return body.substring(0, Math.min(body.length(), 80));
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(url(path)).GET();
	}

	private HttpRequest.Builder post(String path, String body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return (idempotencyKey != null) ? request.header("Idempotency-Key", idempotencyKey) : request;
	}

	private URI url(String path) {
		return this.restaurant.gatewayUrl(path);
	}

	/**
	 * A tablet's floor screen: the ready orders, polled once a second as the
	 * front-of-house app polls them; an order of the tablet's that shows up on it is
	 * served.
	 */
	private final class FloorScreen {

		private final String client;

		private final Map<String, OrderRun> awaitingTheKitchen = new ConcurrentHashMap<>();

		private volatile String version;

		private volatile List<Order> ready = List.of();

		FloorScreen(String client) {
			this.client = client;
		}

		void await(OrderRun run) {
			this.awaitingTheKitchen.put(run.orderId, run);
		}

		void look() {
			try {
				HttpRequest.Builder request = get("/api/orders?status=READY");
				if (this.version != null) {
					request.header("If-None-Match", this.version);
				}
				send(this.client, -1, Step.FLOOR_SCREEN, null, request, restaurant.as(Staff.Role.WAITER),
						(response) -> {
							this.ready = response.asListOf(Order.class);
							this.version = response.header("ETag");
							return null;
						}, 200);
			}
			catch (RuntimeException ex) {
				// a sign-in that failed, a body not understood: the list it has stands
				// until the next look
			}
			// on a 304, and when the look failed, the list last read is still the one
			for (Order order : this.ready) {
				OrderRun run = this.awaitingTheKitchen.remove(order.id());
				if (run != null) {
					next(run, Step.SERVE, Duration.ZERO);
				}
			}
			Instant now = Instant.now();
			this.awaitingTheKitchen.values().removeIf((run) -> {
				if (now.isAfter(run.deadline)) {
					end(run, false);
					return true;
				}
				return false;
			});
			later(this::look, POLL.toMillis());
		}

	}

	/** What a call was told: its status, and what its answer named. */
	private record Answer(int status, String id) {
	}

	/** An order on its way: where it is, and what it has learnt so far. */
	private static final class OrderRun {

		final PlannedOrder order;

		final Instant deadline;

		volatile Step step = Step.PLACE;

		volatile int attempts;

		volatile String orderId;

		volatile String billId;

		volatile BigDecimal amount;

		volatile String paymentId;

		OrderRun(PlannedOrder order, Instant deadline) {
			this.order = order;
			this.deadline = deadline;
		}

	}

}
