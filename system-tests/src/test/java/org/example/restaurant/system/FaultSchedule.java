package org.example.restaurant.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a chaos run, one after the other, drawn at random from a seed: the same
 * seed gives the same faults on the same parts with the same waits, so a run that found
 * something can be repeated. Each is a {@code kill -9} of a part (healed by starting what
 * is down again) or a {@code SIGSTOP} of a kitchen replica for longer than its lease
 * (healed by {@code SIGCONT}), or, when asked for, a network partition of a kitchen
 * replica from its database or from the registry (healed by {@code ./restaurant heal}).
 * <p>
 * The parts killed take turns: every kind of part (a kitchen replica, the order-service,
 * the cashier, the staff-service, the gateway, the kitchen's database server, the Redis
 * of the gateway's rate limiter) is killed once, in an order of the seed's, before any is
 * killed again; which replica is killed or paused is the seed's too.
 */
record FaultSchedule(long seed, List<Planned> faults) {

	/** A kitchen replica, any of them: the seed picks which. */
	static final String A_KITCHEN_REPLICA = "kitchen-?";

	/** The run's own Redis, under the gateway's rate limiter. */
	static final String REDIS = "redis";

	/**
	 * The kinds of part killed: on H2 the kitchen's database is a process of the
	 * launcher's ({@code kitchen-db}); on PostgreSQL it is the machine's server, which a
	 * test does not kill. {@code redis} is the run's own Redis under the gateway's rate
	 * limiter ({@link PrivateRedis}), when it has one.
	 */
	static List<String> killable(boolean h2, boolean redis) {
		List<String> parts = new ArrayList<>(List.of(A_KITCHEN_REPLICA, "order-1", "cashier-1", "staff-1", "gateway"));
		if (h2) {
			parts.add("kitchen-db");
		}
		if (redis) {
			parts.add(REDIS);
		}
		return parts;
	}

	/**
	 * {@code count} faults, {@code pauses} of them pauses (at places of the seed's), the
	 * others kills of the {@code killable} parts, on a kitchen of {@code kitchens}
	 * replicas whose lease is {@code lease}.
	 */
	static FaultSchedule random(long seed, int count, int pauses, List<String> killable, int kitchens, Duration lease) {
		return random(seed, count, pauses, 0, killable, kitchens, lease);
	}

	/**
	 * As {@link #random(long, int, int, List, int, Duration)}, with {@code partitions} of
	 * the faults (at places of the seed's, after the pauses') network partitions of a
	 * kitchen replica ({@code ./restaurant up --netns}): cut off from its database or
	 * from the registry, the seed's choice, for longer than its lease. Without partitions
	 * a seed draws the same schedule as before they existed.
	 */
	static FaultSchedule random(long seed, int count, int pauses, int partitions, List<String> killable, int kitchens,
			Duration lease) {
		Random random = new Random(seed);
		List<Integer> places = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			places.add(i);
		}
		Collections.shuffle(places, random);
		List<Integer> pausedAt = places.subList(0, Math.min(pauses, count));
		List<Integer> partitionedAt = places.subList(pausedAt.size(), Math.min(pausedAt.size() + partitions, count));
		List<String> turn = new ArrayList<>();
		List<Planned> faults = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Duration gap = millis(random, 2_000, 6_000);
			if (partitionedAt.contains(i)) {
				String from = random.nextBoolean() ? History.Fault.CUT_FROM_DATABASE : History.Fault.CUT_FROM_REGISTRY;
				// long enough that the replica's lease, or its registration, lapses
				faults.add(new Planned(from, replica(random, kitchens), gap, lease.plus(millis(random, 3_000, 8_000))));
				continue;
			}
			if (pausedAt.contains(i)) {
				// long enough that the other replicas take its tickets over
				faults.add(new Planned(History.Fault.PAUSE, replica(random, kitchens), gap,
						lease.plus(millis(random, 2_000, 5_000))));
				continue;
			}
			if (turn.isEmpty()) {
				turn.addAll(killable);
				Collections.shuffle(turn, random);
			}
			String part = turn.remove(0);
			if (part.equals(A_KITCHEN_REPLICA)) {
				part = replica(random, kitchens);
			}
			faults.add(new Planned(History.Fault.KILL, part, gap, millis(random, 500, 4_000)));
		}
		return new FaultSchedule(seed, List.copyOf(faults));
	}

	private static String replica(Random random, int kitchens) {
		return "kitchen-" + (1 + random.nextInt(kitchens));
	}

	private static Duration millis(Random random, int from, int to) {
		return Duration.ofMillis(from + random.nextInt(to - from));
	}

	/**
	 * One fault: what ({@link History.Fault#KILL}, {@link History.Fault#PAUSE},
	 * {@link History.Fault#CUT_FROM_DATABASE}, {@link History.Fault#CUT_FROM_REGISTRY}),
	 * to which part, how long after the previous one was healed, and how long it is left
	 * before it is healed.
	 */
	record Planned(String kind, String target, Duration after, Duration held) {

		@Override
		public String toString() {
			return "%s %s after %d ms, for %d ms".formatted(this.kind, this.target, this.after.toMillis(),
					this.held.toMillis());
		}

	}

}
