package org.example.restaurant.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a test class on a real PostgreSQL server instead of H2: the {@code postgres}
 * profile, on a database of the test run's own ({@link PostgresTestDatabase}), made by
 * the same Flyway migrations, with Hibernate checking its mappings against the schema. A
 * subclass of an H2 test with this annotation runs the same tests on PostgreSQL.
 * <p>
 * The database is shared by every class with this annotation in one test run, so their
 * tests must leave it as they found it: roll back (as {@code @DataJpaTest} does), or
 * delete what they commit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresTestDatabase.class)
@ActiveProfiles("postgres")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = { "spring.datasource.url=${" + PostgresTestDatabase.URL + "}",
		"spring.datasource.username=${" + PostgresTestDatabase.USER + "}",
		"spring.datasource.password=${" + PostgresTestDatabase.PASSWORD + "}",
		"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=0",
		"spring.jpa.hibernate.ddl-auto=validate" })
public @interface OnPostgres {

}
