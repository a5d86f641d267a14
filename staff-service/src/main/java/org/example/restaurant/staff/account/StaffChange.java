package org.example.restaurant.staff.account;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/staff/{number}}: any of {@code name}, {@code roles}, {@code active},
 * {@code pin}; a field left out (or {@code null}) stays as it is.
 */
record StaffChange(
		@Size(min = 1, max = Staff.NAME_MAX) @Pattern(regexp = "(?s).*\\S.*",
				message = "must not be blank") String name,
		@Size(min = 1) Set<@NotNull Role> roles, Boolean active,
		@Pattern(regexp = Pin.PATTERN, message = Pin.RULE) String pin) {

	@Override
	public String toString() {
		return "StaffChange[name=" + this.name + ", roles=" + this.roles + ", active=" + this.active + ", pin="
				+ ((this.pin != null) ? "****" : null) + "]";
	}

}
