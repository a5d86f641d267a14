package org.example.restaurant.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What the launcher ({@code ./restaurant}) gives every service it starts, read from the
 * script itself, so that the container setups are checked against it.
 */
final class Launcher {

	private static final Pattern JAVA_OPTS = Pattern.compile("^JAVA_OPTS=\\$\\{JAVA_OPTS:-(.+)}$");

	private static final Pattern SETTING = Pattern.compile("\\b([A-Z][A-Z_]*)=\"");

	private Launcher() {
	}

	/** The JVM settings of every service: the default of {@code JAVA_OPTS}. */
	static String javaOpts() {
		for (String line : Tools.lines("restaurant")) {
			Matcher matcher = JAVA_OPTS.matcher(line);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no JAVA_OPTS default in ./restaurant");
	}

	/**
	 * The environment variables that {@code start_service} sets for every service (such
	 * as {@code PORT}, {@code INSTANCE_ID} and {@code EUREKA_URL}).
	 */
	static List<String> serviceSettings() {
		List<String> lines = Tools.lines("restaurant");
		// the function's first line, whatever its comment says
		int start = IntStream.range(0, lines.size())
			.filter((index) -> lines.get(index).startsWith("start_service() {"))
			.findFirst()
			.orElse(-1);
		if (start < 0) {
			throw new AssertionError("no start_service in ./restaurant");
		}
		List<String> names = new ArrayList<>();
		for (String line : lines.subList(start, lines.size())) {
			Matcher matcher = SETTING.matcher(line);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			if (line.equals("}")) {
				return names;
			}
		}
		throw new AssertionError("start_service in ./restaurant has no end");
	}

}
