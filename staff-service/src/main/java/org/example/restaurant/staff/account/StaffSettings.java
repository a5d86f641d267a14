package org.example.restaurant.staff.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the staff accounts ({@code staff.*}; docs/security.md, "Settings").
 *
 * @param demoStaff whether the demo staff of docs/api.md are made at start: {@code true}
 * in the default (H2) profile's application.yml, {@code false} by default and with the
 * {@code postgres} profile, where the service refuses to start with it
 * @param firstManager the manager made once when there are no demo staff
 * @param lockout when wrong PINs lock a number
 */
@ConfigurationProperties("staff")
public record StaffSettings(@DefaultValue("false") boolean demoStaff, @DefaultValue FirstManager firstManager,
		@DefaultValue Lockout lockout) {

	/**
	 * The first manager ({@code staff.first-manager.*}), made once at start when demo
	 * staff are off and no member of staff has the number; without a PIN the service
	 * refuses to start.
	 *
	 * @param number the staff number, {@code 900} by default
	 * @param name the name, {@code Manager} by default
	 * @param pin the PIN ({@code STAFF_FIRST_MANAGER_PIN}), none by default
	 */
	public record FirstManager(@DefaultValue("900") String number, @DefaultValue("Manager") String name, String pin) {

		@Override
		public String toString() {
			return "FirstManager[number=" + this.number + ", name=" + this.name + ", pin=****]";
		}

	}

}
