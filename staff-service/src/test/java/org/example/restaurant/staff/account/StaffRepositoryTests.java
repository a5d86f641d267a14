package org.example.restaurant.staff.account;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.example.restaurant.staff.account.StaffMembers.ENCODER;
import static org.example.restaurant.staff.account.StaffMembers.HIRED_AT;

/**
 * The schema Flyway builds, through the repository: the lockout is stored, so it survives
 * a restart and every instance sees it.
 */
@DataJpaTest
class StaffRepositoryTests {

	@Autowired
	StaffRepository staff;

	@Autowired
	TestEntityManager entityManager;

	@Test
	void keepsAPersonWithRolesPinHashAndLockout() {
		Staff wendy = StaffMembers.wendy();
		wendy.assign(List.of(Role.WAITER, Role.CASHIER));
		for (int attempt = 1; attempt <= 5; attempt++) {
			wendy.signIn("0000", ENCODER, StaffTests.FIVE_FOR_FIVE_MINUTES, HIRED_AT.plusNanos(1_234));
		}
		this.staff.saveAndFlush(wendy);
		this.entityManager.clear();

		Staff found = this.staff.findById("101").orElseThrow();

		assertThat(found.getName()).isEqualTo("Wendy");
		assertThat(found.getRoles()).containsExactly(Role.WAITER, Role.CASHIER);
		assertThat(found.isActive()).isTrue();
		assertThat(found.getCreatedAt()).isEqualTo(HIRED_AT);
		assertThat(found.lockedUntil(HIRED_AT)).contains(HIRED_AT.plus(Duration.ofMinutes(5)).plusNanos(1_000));
		assertThat(found.signIn("1111", ENCODER, StaffTests.FIVE_FOR_FIVE_MINUTES, HIRED_AT.plusSeconds(301)))
			.isEqualTo(SignInOutcome.SIGNED_IN);
	}

	@Test
	void countsWrongPinsInTheDatabase() {
		Staff wendy = this.staff.saveAndFlush(StaffMembers.wendy());
		wendy.signIn("0000", ENCODER, StaffTests.FIVE_FOR_FIVE_MINUTES, HIRED_AT);
		wendy.signIn("0000", ENCODER, StaffTests.FIVE_FOR_FIVE_MINUTES, HIRED_AT);
		this.staff.flush();
		this.entityManager.clear();

		assertThat(this.staff.findForSignIn("101")).map(Staff::getFailedAttempts).contains(2);
		assertThat(this.staff.findForSignIn("555")).isEmpty();
	}

	@Test
	void keepsOnePersonPerNumber() {
		this.staff.saveAndFlush(StaffMembers.wendy());
		this.entityManager.clear();

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.staff.saveAndFlush(StaffMembers.hire("101", Role.COOK)));
	}

	@Test
	void listsStaffOldestFirst() {
		Staff later = Staff.hire("102", "Walter", List.of(Role.WAITER), Pin.of("1234"), ENCODER,
				HIRED_AT.plusSeconds(60));
		this.staff.saveAllAndFlush(List.of(later, StaffMembers.maria(), StaffMembers.wendy()));
		this.entityManager.clear();

		assertThat(this.staff.findAllByOrderByCreatedAtAscNumberAsc()).extracting(Staff::getNumber)
			.containsExactly("101", "901", "102");
	}

	@Test
	void replacesRolesAndDeactivates() {
		this.staff.saveAndFlush(StaffMembers.wendy());
		this.entityManager.clear();
		Staff wendy = this.staff.findById("101").orElseThrow();
		wendy.assign(List.of(Role.MANAGER));
		wendy.deactivate();
		this.staff.saveAndFlush(wendy);
		this.entityManager.clear();

		Staff found = this.staff.findById("101").orElseThrow();

		assertThat(found.getRoles()).containsExactly(Role.MANAGER);
		assertThat(found.isActive()).isFalse();
	}

}
