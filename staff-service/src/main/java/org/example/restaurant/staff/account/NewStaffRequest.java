package org.example.restaurant.staff.account;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/staff}: {@code {"staffNumber", "name", "roles", "pin"}}.
 */
record NewStaffRequest(@NotNull @Pattern(regexp = Staff.NUMBER_PATTERN, message = Staff.NUMBER_RULE) String staffNumber,
		@NotBlank @Size(max = Staff.NAME_MAX) String name, @NotEmpty Set<@NotNull Role> roles,
		@NotNull @Pattern(regexp = Pin.PATTERN, message = Pin.RULE) String pin) {

	@Override
	public String toString() {
		return "NewStaffRequest[staffNumber=" + this.staffNumber + ", name=" + this.name + ", roles=" + this.roles
				+ ", pin=****]";
	}

}
