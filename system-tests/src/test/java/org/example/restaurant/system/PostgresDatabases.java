package org.example.restaurant.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.opentest4j.TestAbortedException;

/**
 * Fresh PostgreSQL databases for one restaurant: {@code orders_it_<random>},
 * {@code kitchen_it_<random>}, {@code cashier_it_<random>} and {@code staff_it_<random>},
 * on the server named by {@code TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}) as {@code TEST_PG_USER} ({@code postgres})
 * with {@code TEST_PG_PASSWORD} (none), dropped by {@link #close()}. A restaurant's own
 * databases ({@code orders}, ...) are never touched.
 * <p>
 * When the server cannot be reached, the scenario fails under {@code CI=true} (where
 * PostgreSQL is part of the machine) and is skipped elsewhere, with the reason.
 */
final class PostgresDatabases implements AutoCloseable {

	private static final List<String> SERVICES = List.of("orders", "kitchen", "cashier", "staff");

	private final String server = setting("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

	private final String user = setting("TEST_PG_USER", "postgres");

	private final String password = setting("TEST_PG_PASSWORD", "");

	private final String suffix = "_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private final List<String> created = new ArrayList<>();

	private PostgresDatabases() {
	}

	static PostgresDatabases create() {
		PostgresDatabases databases = new PostgresDatabases();
		try {
			for (String service : SERVICES) {
				databases.admin("create database " + databases.name(service));
				databases.created.add(databases.name(service));
			}
		}
		catch (SQLException ex) {
			databases.close();
			String reason = "PostgreSQL is not reachable at " + databases.server + " as " + databases.user + " ("
					+ ex.getMessage() + ")";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(reason + "; under CI=true it is required", ex);
			}
			throw new TestAbortedException(reason + ", so the scenario on PostgreSQL is skipped");
		}
		return databases;
	}

	/**
	 * The database of a service: {@code orders}, {@code kitchen}, {@code cashier} or
	 * {@code staff}.
	 */
	String name(String service) {
		return service + this.suffix;
	}

	/**
	 * The environment that puts a restaurant started by the launcher on these databases
	 * (the services' {@code postgres} profile), with small connection pools.
	 */
	Restaurant configure(Restaurant restaurant) {
		return configure(restaurant, 4);
	}

	/**
	 * The same with connection pools of the given size, e.g. the services' own default of
	 * 10 for a restaurant under a real load (ten of them stay under the server's 100
	 * connections).
	 */
	Restaurant configure(Restaurant restaurant, int poolSize) {
		restaurant.with("SPRING_PROFILES_ACTIVE", "postgres");
		for (String service : SERVICES) {
			String prefix = service.toUpperCase() + "_DB_";
			restaurant.with(prefix + "URL", this.server + name(service))
				.with(prefix + "USER", this.user)
				.with(prefix + "PASSWORD", this.password)
				.with(prefix + "POOL_SIZE", String.valueOf(poolSize));
		}
		return restaurant;
	}

	/** The first column of the first row of a query on a service's database. */
	String queryForString(String service, String sql, Object... args) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + name(service), this.user, this.password);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet row = statement.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
	}

	@Override
	public void close() {
		for (String database : this.created) {
			try {
				admin("drop database if exists " + database + " with (force)");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop " + database + ": " + ex.getMessage());
			}
		}
		this.created.clear();
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + "postgres", this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String setting(String name, String fallback) {
		return Objects.requireNonNullElse(System.getenv(name), fallback);
	}

}
