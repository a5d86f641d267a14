package org.example.restaurant.staff.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/staff/login}: {@code {"staffNumber": "101", "pin": "1111"}}. Only
 * their presence is checked here: a number or PIN of the wrong form is just wrong (401).
 */
record LoginRequest(@NotBlank @Size(max = 32) String staffNumber, @NotBlank @Size(max = 32) String pin) {

	@Override
	public String toString() {
		return "LoginRequest[staffNumber=" + this.staffNumber + ", pin=****]";
	}

}
