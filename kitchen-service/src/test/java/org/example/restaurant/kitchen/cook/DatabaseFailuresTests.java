package org.example.restaurant.kitchen.cook;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

	@Test
	void aDatabaseAwayOrBusyForAMomentIsTransient() {
		assertThat(DatabaseFailures.isTransient(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseFailures.isTransient(new CannotAcquireLockException("row locked"))).isTrue();
		assertThat(DatabaseFailures.isTransient(new QueryTimeoutException("too slow"))).isTrue();
		assertThat(DatabaseFailures.isTransient(new RecoverableDataAccessException("reconnect"))).isTrue();
	}

	@Test
	void aTransactionThatCouldNotBeginForWantOfAConnectionIsTransient() {
		assertThat(DatabaseFailures.isTransient(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLTransientConnectionException("Connection is not available, request timed out"))))
			.isTrue();
	}

	@Test
	void aTransientCauseUnderAWrapperIsTransient() {
		assertThat(DatabaseFailures.isTransient(new JpaSystemException(
				new RuntimeException(new SQLTransientConnectionException("Connection is not available")))))
			.isTrue();
	}

	@Test
	void aRequestTheDatabaseRefusesOrABugIsNotTransient() {
		assertThat(DatabaseFailures.isTransient(new DataIntegrityViolationException("constraint"))).isFalse();
		assertThat(DatabaseFailures.isTransient(new BadSqlGrammarException("finish", "update", new SQLException())))
			.isFalse();
		assertThat(DatabaseFailures.isTransient(new InvalidDataAccessApiUsageException("misuse"))).isFalse();
		assertThat(DatabaseFailures.isTransient(new IllegalStateException("bug"))).isFalse();
	}

}
