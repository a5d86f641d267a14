package org.example.restaurant.staff.account;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class StaffOnStartTests {

	final StaffRepository staff = mock(StaffRepository.class);

	final MockEnvironment environment = new MockEnvironment();

	@Test
	void makesTheDemoStaffThatDoNotExistYet() {
		given(this.staff.existsById("201")).willReturn(true);

		onStart(new StaffSettings(true, new StaffSettings.FirstManager("900", "Manager", null), lockout()))
			.afterSingletonsInstantiated();

		then(this.staff).should(org.mockito.Mockito.times(3)).saveAndFlush(any());
	}

	@Test
	void refusesDemoStaffWithThePostgresProfile() {
		this.environment.setActiveProfiles("postgres");

		assertThatIllegalStateException()
			.isThrownBy(() -> onStart(
					new StaffSettings(true, new StaffSettings.FirstManager("900", "Manager", null), lockout()))
				.afterSingletonsInstantiated())
			.withMessageContaining("postgres");
		then(this.staff).should(never()).saveAndFlush(any());
	}

	@Test
	void refusesToStartWithoutDemoStaffAndWithoutTheFirstManagersPin() {
		assertThatIllegalStateException()
			.isThrownBy(() -> onStart(
					new StaffSettings(false, new StaffSettings.FirstManager("900", "Manager", " "), lockout()))
				.afterSingletonsInstantiated())
			.withMessageContaining("STAFF_FIRST_MANAGER_PIN");
	}

	@Test
	void makesTheFirstManagerOnceWhenTheNumberDoesNotExist() {
		StaffOnStart onStart = onStart(
				new StaffSettings(false, new StaffSettings.FirstManager("900", "Manager", "24680"), lockout()));
		given(this.staff.saveAndFlush(any())).willAnswer((call) -> {
			Staff manager = call.getArgument(0);
			assertThat(manager.getNumber()).isEqualTo("900");
			assertThat(manager.getRoles()).containsExactly(Role.MANAGER);
			assertThat(manager.signIn("24680", StaffMembers.ENCODER, lockout(), StaffMembers.HIRED_AT))
				.isEqualTo(SignInOutcome.SIGNED_IN);
			return manager;
		});

		onStart.afterSingletonsInstantiated();
		then(this.staff).should().saveAndFlush(any());

		given(this.staff.existsById("900")).willReturn(true);
		onStart.afterSingletonsInstantiated();
		then(this.staff).should(org.mockito.Mockito.times(1)).saveAndFlush(any());
	}

	@Test
	void keepsTheFirstManagersPinOutOfItsDescription() {
		assertThat(new StaffSettings.FirstManager("900", "Manager", "24680")).asString().doesNotContain("24680");
		assertThat(List.of(DemoStaff.ALL).toString()).doesNotContain("1111");
	}

	private StaffOnStart onStart(StaffSettings settings) {
		return new StaffOnStart(this.staff, StaffMembers.ENCODER, settings, this.environment, Clock.systemUTC());
	}

	private static Lockout lockout() {
		return StaffTests.FIVE_FOR_FIVE_MINUTES;
	}

}
