package org.example.restaurant.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Waiter.Order;

import static org.awaitility.Awaitility.await;

/**
 * The restaurant after a chaos run, read through the gateway: every order, ticket and
 * bill (with its payments), and every time a kitchen replica finished a ticket.
 * <p>
 * The kitchen's API shows who prepared a ticket last ({@code preparedBy}), not who else
 * may have finished it: that is in the replicas' logs, one line per finish that won its
 * conditional update ({@code Ticket ... for order ... ready, prepared by kitchen-N},
 * written after commit). The chaos run keeps the log of every replica it killed before it
 * is started again (the launcher starts a part with a new log), so every finish of the
 * run is in {@code logs/kitchen-*}. A replica killed between its commit and that line
 * leaves no line: a finish may be missing from the logs, never invented.
 */
record FinalState(List<Order> orders, List<Ticket> tickets, List<Bill> bills, List<Finish> finishes,
		List<Takeover> takeovers) {

	private static final Pattern FINISHED = Pattern.compile("Ticket (\\S+) for order (\\S+) ready, prepared by (\\S+)");

	private static final Pattern TAKEN_OVER = Pattern
		.compile("Ticket (\\S+) of order (\\S+) taken over by (\\S+) from (\\S+)");

	/** Reads it all, once the gateway answers every one of the three lists. */
	static FinalState read(Restaurant restaurant) {
		Duration atMost = Duration.ofMinutes(2);
		List<Order> orders = await("every order").atMost(atMost)
			.ignoreExceptions()
			.until(() -> restaurant.waiter().orders(), (read) -> true);
		List<Ticket> tickets = await("every ticket").atMost(atMost)
			.ignoreExceptions()
			.until(() -> restaurant.kitchen().tickets(), (read) -> true);
		List<Bill> bills = await("every bill").atMost(atMost)
			.ignoreExceptions()
			.until(() -> restaurant.till().bills(), (read) -> true);
		Path logs = restaurant.runDir().resolve("logs");
		return new FinalState(orders, tickets, bills, finishesLogged(logs), takeoversLogged(logs));
	}

	/** Every finish the kitchen replicas' logs in the folder tell of. */
	static List<Finish> finishesLogged(Path logs) {
		return logged(logs, FINISHED, (line, log) -> new Finish(line.group(1), line.group(2), line.group(3), log));
	}

	/**
	 * Every ticket a replica took over from another whose lease had passed, as their logs
	 * tell.
	 */
	static List<Takeover> takeoversLogged(Path logs) {
		return logged(logs, TAKEN_OVER,
				(line, log) -> new Takeover(line.group(1), line.group(2), line.group(4), line.group(3)));
	}

	private static <T> List<T> logged(Path logs, Pattern pattern, BiFunction<Matcher, String, T> read) {
		List<T> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(logs)) {
			for (Path log : files.filter(FinalState::ofKitchenReplica).sorted().toList()) {
				for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
					Matcher matched = pattern.matcher(line);
					if (matched.find()) {
						found.add(read.apply(matched, log.getFileName().toString()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read the logs in " + logs, ex);
		}
		return found;
	}

	private static boolean ofKitchenReplica(Path log) {
		String name = log.getFileName().toString();
		return name.startsWith("kitchen-") && !name.startsWith("kitchen-db");
	}

	/** A kitchen replica finished a ticket (a line of its log). */
	record Finish(String ticketId, String orderId, String replica, String log) {
	}

	/** A kitchen replica took a ticket over from another (a line of its log). */
	record Takeover(String ticketId, String orderId, String from, String to) {
	}

}
