package org.example.restaurant.staff.account;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who can sign in on a new database, made before the service takes requests: the demo
 * staff in the local demo ({@code staff.demo-staff}, never with the {@code postgres}
 * profile), else the first manager ({@code staff.first-manager.*}), made once, when no
 * one has that number. Without demo staff and without the first manager's PIN the service
 * refuses to start: it would have no one who could add staff.
 *
 * @param staff where the staff are kept
 * @param encoder hashes PINs
 * @param settings the demo staff and the first manager
 * @param environment tells whether the {@code postgres} profile is on
 * @param clock when a person is added
 */
@Component
record StaffOnStart(StaffRepository staff, PasswordEncoder encoder, StaffSettings settings, Environment environment,
		Clock clock) implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StaffOnStart.class);

	@Override
	public void afterSingletonsInstantiated() {
		if (this.settings.demoStaff()) {
			if (this.environment.acceptsProfiles(Profiles.of("postgres"))) {
				throw new IllegalStateException("staff.demo-staff=true with the postgres profile: the demo staff "
						+ "and their public PINs never go into a real database (docs/api.md); set STAFF_DEMO_STAFF=false "
						+ "and STAFF_FIRST_MANAGER_PIN");
			}
			DemoStaff.ALL
				.forEach((member) -> make(member.number(), member.name(), List.of(member.role()), member.pin()));
			log.info("Demo staff: {}", DemoStaff.ALL);
			return;
		}
		StaffSettings.FirstManager manager = this.settings.firstManager();
		if (manager.pin() == null || manager.pin().isBlank()) {
			throw new IllegalStateException("No demo staff (staff.demo-staff=false) and no first manager's PIN: "
					+ "set STAFF_FIRST_MANAGER_PIN (staff.first-manager.pin, 4 to 8 digits), or no one could sign in");
		}
		if (make(manager.number(), manager.name(), List.of(Role.MANAGER), manager.pin())) {
			log.info("First manager made: {} {}", manager.number(), manager.name());
		}
	}

	private boolean make(String number, String name, List<Role> roles, String pin) {
		if (this.staff.existsById(number)) {
			return false;
		}
		try {
			this.staff.saveAndFlush(Staff.hire(number, name, roles, Pin.of(pin), this.encoder, this.clock.instant()));
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// another instance made it at the same moment
			return false;
		}
	}

}
