package org.example.restaurant.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL database of one test run, for the classes marked {@link OnPostgres}:
 * created fresh, under a name of its own ({@code <module>_test_<random>}, after the
 * folder the tests run in, such as {@code order_service_test_1a2b3c4d}), on the server
 * named by {@code TEST_PG_URL} (default {@value #DEFAULT_SERVER}) as {@code TEST_PG_USER}
 * ({@code postgres}) with {@code TEST_PG_PASSWORD} (none), and dropped when the run ends.
 * So the tests never touch the databases of a running restaurant, and two builds at once
 * do not meet.
 * <p>
 * When the server cannot be reached, the classes fail under {@code CI=true} (where
 * PostgreSQL is part of the machine) and are skipped elsewhere, with the reason.
 */
public class PostgresTestDatabase implements ExecutionCondition {

	/** System property: the JDBC URL of the database. */
	public static final String URL = "restaurant.test.postgres.url";

	/** System property: the user. */
	public static final String USER = "restaurant.test.postgres.user";

	/** System property: the password. */
	public static final String PASSWORD = "restaurant.test.postgres.password";

	static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static ConditionEvaluationResult result;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return prepare();
	}

	private static synchronized ConditionEvaluationResult prepare() {
		if (result == null) {
			result = create();
		}
		if (result.isDisabled() && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(result.getReason().orElseThrow() + " Under CI=true it is required.");
		}
		return result;
	}

	private static ConditionEvaluationResult create() {
		String server = setting("TEST_PG_URL", DEFAULT_SERVER);
		String user = setting("TEST_PG_USER", "postgres");
		String password = setting("TEST_PG_PASSWORD", "");
		String database = prefix() + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		try {
			execute(server, user, password, "create database " + database);
		}
		catch (SQLException ex) {
			return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + server + " as " + user + " ("
					+ ex.getMessage() + "), so the tests on PostgreSQL are skipped. Start it, or point "
					+ "TEST_PG_URL, TEST_PG_USER and TEST_PG_PASSWORD at one.");
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				execute(server, user, password, "drop database if exists " + database + " with (force)");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop the test database " + database + ": " + ex.getMessage());
			}
		}, "drop-" + database));
		System.setProperty(URL, server + database);
		System.setProperty(USER, user);
		System.setProperty(PASSWORD, password);
		return ConditionEvaluationResult.enabled("on PostgreSQL, database " + database);
	}

	private static void execute(String server, String user, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String prefix() {
		Path folder = Path.of(System.getProperty("user.dir")).getFileName();
		String module = (folder != null) ? folder.toString() : "restaurant";
		return module.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_test_";
	}

	private static String setting(String name, String fallback) {
		return Objects.requireNonNullElse(System.getenv(name), fallback);
	}

}
