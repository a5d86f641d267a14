package org.example.restaurant.staff.account;

import java.util.List;

/**
 * {@code Staff} of docs/api.md: {@code staffNumber}, {@code name}, {@code roles},
 * {@code active}. Never the PIN or its hash.
 */
record StaffJson(String staffNumber, String name, List<Role> roles, boolean active) {

	static StaffJson of(Staff staff) {
		return new StaffJson(staff.getNumber(), staff.getName(), staff.getRoles(), staff.isActive());
	}

}
