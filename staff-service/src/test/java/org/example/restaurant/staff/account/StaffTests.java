package org.example.restaurant.staff.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.example.restaurant.staff.account.StaffMembers.ENCODER;
import static org.example.restaurant.staff.account.StaffMembers.HIRED_AT;

class StaffTests {

	static final Lockout FIVE_FOR_FIVE_MINUTES = new Lockout(5, Duration.ofMinutes(5));

	final Instant now = HIRED_AT.plusSeconds(3600);

	final Instant nanosLater = this.now.plusNanos(1_500);

	@Test
	void hiresAnActivePersonWithAHashedPin() {
		Staff wendy = StaffMembers.wendy();

		assertThat(wendy.getNumber()).isEqualTo("101");
		assertThat(wendy.getName()).isEqualTo("Wendy");
		assertThat(wendy.getRoles()).containsExactly(Role.WAITER);
		assertThat(wendy.isActive()).isTrue();
		assertThat(wendy.getCreatedAt()).isEqualTo(HIRED_AT);
		assertThat(wendy).extracting("pinHash").asString().startsWith("{bcrypt}").doesNotContain("1111");
		assertThat(wendy.toString()).doesNotContain("1111").doesNotContain("bcrypt");
	}

	@Test
	void signsInWithTheRightPin() {
		assertThat(StaffMembers.wendy().signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now))
			.isEqualTo(SignInOutcome.SIGNED_IN);
	}

	@Test
	void countsWrongPinsAndLocksTheNumberAtTheFifthInARow() {
		Staff wendy = StaffMembers.wendy();
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now))
				.isEqualTo(SignInOutcome.WRONG_PIN);
			assertThat(wendy.getFailedAttempts()).isEqualTo(attempt);
		}

		assertThat(wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now)).isEqualTo(SignInOutcome.NOW_LOCKED);
		assertThat(wendy.lockedUntil(this.now)).contains(this.now.plus(Duration.ofMinutes(5)));
		assertThat(wendy.retryAfter(this.now.plusSeconds(60))).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void keepsTheEndOfALockToTheMicrosecondAsTheDatabaseDoes() {
		Staff wendy = StaffMembers.wendy();
		for (int attempt = 1; attempt <= 5; attempt++) {
			wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, this.nanosLater);
		}

		assertThat(wendy.lockedUntil(this.nanosLater)).contains(this.now.plus(Duration.ofMinutes(5)).plusNanos(1_000));
	}

	@Test
	void refusesEvenTheRightPinWhileLocked() {
		Staff wendy = lockedAt(this.now);

		assertThat(wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now.plusSeconds(299)))
			.isEqualTo(SignInOutcome.LOCKED);
	}

	@Test
	void letsTheRightPinInOnceTheLockEnded() {
		Staff wendy = lockedAt(this.now);
		Instant later = this.now.plus(Duration.ofMinutes(5));

		assertThat(wendy.lockedUntil(later)).isEmpty();
		assertThat(wendy.retryAfter(later)).isZero();
		assertThat(wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, later)).isEqualTo(SignInOutcome.SIGNED_IN);
	}

	@Test
	void countsAfreshAfterALockEnded() {
		Staff wendy = lockedAt(this.now);
		Instant later = this.now.plus(Duration.ofMinutes(5));

		assertThat(wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, later)).isEqualTo(SignInOutcome.WRONG_PIN);
		assertThat(wendy.getFailedAttempts()).isEqualTo(1);
	}

	@Test
	void forgetsWrongPinsAfterASuccess() {
		Staff wendy = StaffMembers.wendy();
		for (int attempt = 1; attempt <= 4; attempt++) {
			wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now);
		}

		wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now);

		assertThat(wendy.getFailedAttempts()).isZero();
		assertThat(wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now)).isEqualTo(SignInOutcome.WRONG_PIN);
	}

	@Test
	void refusesADeactivatedPersonWithTheRightPinAndLetsThemInOnceActivated() {
		Staff wendy = StaffMembers.wendy();
		wendy.deactivate();

		assertThat(wendy.isActive()).isFalse();
		assertThat(wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now)).isEqualTo(SignInOutcome.INACTIVE);

		wendy.activate();

		assertThat(wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now)).isEqualTo(SignInOutcome.SIGNED_IN);
	}

	@Test
	void aNewPinReplacesTheOldOneAndLiftsTheLock() {
		Staff wendy = lockedAt(this.now);

		wendy.changePin(Pin.of("87654321"), ENCODER);

		assertThat(wendy.lockedUntil(this.now)).isEmpty();
		assertThat(wendy.getFailedAttempts()).isZero();
		assertThat(wendy.signIn("1111", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now)).isEqualTo(SignInOutcome.WRONG_PIN);
		assertThat(wendy.signIn("87654321", ENCODER, FIVE_FOR_FIVE_MINUTES, this.now))
			.isEqualTo(SignInOutcome.SIGNED_IN);
	}

	@Test
	void takesPinsOfFourToEightDigitsOnly() {
		assertThat(Pin.of("1234")).hasToString("Pin[****]");
		assertThat(Pin.of("12345678")).isNotNull();
		for (String bad : new String[] { null, "", "123", "123456789", "12a4", " 1234", "１２３４" }) {
			assertThatExceptionOfType(InvalidStaffField.class).as(String.valueOf(bad))
				.isThrownBy(() -> Pin.of(bad))
				.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("pin"));
		}
	}

	@Test
	void refusesABadNumberNameOrRoles() {
		assertThatExceptionOfType(InvalidStaffField.class)
			.isThrownBy(() -> Staff.hire("1O1", "Wendy", List.of(Role.WAITER), Pin.of("1111"), ENCODER, HIRED_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("staffNumber"));
		assertThatExceptionOfType(InvalidStaffField.class)
			.isThrownBy(() -> Staff.hire("101", " ", List.of(Role.WAITER), Pin.of("1111"), ENCODER, HIRED_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("name"));
		assertThatExceptionOfType(InvalidStaffField.class)
			.isThrownBy(() -> Staff.hire("101", "Wendy", List.of(), Pin.of("1111"), ENCODER, HIRED_AT))
			.satisfies((ex) -> assertThat(ex.fieldProblem().field()).isEqualTo("roles"));
		assertThatExceptionOfType(InvalidStaffField.class)
			.isThrownBy(() -> StaffMembers.wendy().rename("x".repeat(61)));
	}

	@Test
	void replacesTheRolesAndKeepsThemInOrder() {
		Staff wendy = StaffMembers.wendy();

		wendy.assign(List.of(Role.MANAGER, Role.CASHIER));

		assertThat(wendy.getRoles()).containsExactly(Role.CASHIER, Role.MANAGER);
		assertThat(wendy.hasRole(Role.WAITER)).isFalse();
	}

	private Staff lockedAt(Instant when) {
		Staff wendy = StaffMembers.wendy();
		for (int attempt = 1; attempt <= 5; attempt++) {
			wendy.signIn("0000", ENCODER, FIVE_FOR_FIVE_MINUTES, when);
		}
		assertThat(wendy.lockedUntil(when)).isPresent();
		return wendy;
	}

}
