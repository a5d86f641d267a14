package org.example.restaurant.platform.schema;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Tables a platform mechanism owns in a service's database, such as the outbox's
 * {@code event_publication}. Their migrations live in the platform's jar, in
 * {@code db/platform/<name>}, and a mechanism that is on adds that location to the
 * service's own Flyway. They are Flyway <em>repeatable</em> migrations ({@code R__}) in
 * SQL that can run again ({@code create table if not exists}, {@code add column if not
 * exists}): Flyway applies them after the service's versioned migrations, and again only
 * when they change, so the platform never takes a version number from a service, and a
 * database made before a mechanism moved to the platform keeps its table. Spring Boot
 * runs Flyway before JPA, so the tables are there before anything reads them.
 *
 * @param name the mechanism, such as {@code outbox}
 */
public record PlatformSchema(String name) implements FlywayConfigurationCustomizer {

	/**
	 * Where this schema's migrations are.
	 * @return the Flyway location
	 */
	public String location() {
		return "classpath:db/platform/" + this.name;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		Location[] locations = Stream
			.concat(Arrays.stream(configuration.getLocations()), Stream.of(new Location(location())))
			.distinct()
			.toArray(Location[]::new);
		configuration.locations(locations);
	}

}
