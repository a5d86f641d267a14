package org.example.restaurant.kitchen.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on threads of their own that all wait for one signal, as cooks or requests
 * of several replicas reaching the shared database at the same moment.
 */
final class Races {

	private Races() {
	}

	/**
	 * Starts every task, lets them go at once through {@code go}, and waits for all.
	 */
	static void runAtOnce(Collection<Callable<Void>> tasks, CountDownLatch go) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<Void>> running = new ArrayList<>();
			tasks.forEach((task) -> running.add(pool.submit(task)));
			go.countDown();
			for (Future<Void> future : running) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
