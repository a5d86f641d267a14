package org.example.restaurant.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opentest4j.TestAbortedException;

/**
 * What a restaurant whose kitchen replicas can be cut off needs
 * ({@code ./restaurant up --netns}, {@link Restaurant#partitionable()}): root (network
 * namespaces, a bridge, iptables rules), iproute2's {@code ip} and {@code iptables}
 * ({@code .ci/run} installs Debian's).
 */
final class Partitions {

	private Partitions() {
	}

	/**
	 * Returns when partitions can be made here; else fails under {@code CI=true} (where
	 * the tests run as root and {@code .ci/run} installs iptables) and skips elsewhere,
	 * saying what is missing.
	 */
	static void require() {
		List<String> missing = new ArrayList<>();
		if (!runsAsRoot()) {
			missing.add("root");
		}
		for (String program : List.of("ip", "iptables")) {
			if (!onPath(program)) {
				missing.add(program);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		String what = "network partitions (./restaurant up --netns) need root, iproute2's ip and iptables;"
				+ " missing: " + String.join(", ", missing);
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(what + " (under CI=true they are required; .ci/run installs iptables)");
		}
		throw new TestAbortedException(what + ", so this test is skipped");
	}

	private static boolean runsAsRoot() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("Uid:"))
				.anyMatch((line) -> line.split("\\s+")[1].equals("0"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir).resolve(program))) {
				return true;
			}
		}
		return false;
	}

}
