package org.example.restaurant.staff.account;

import java.util.Map;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * Someone has this staff number already (409); numbers are never reused, a person who
 * left is deactivated.
 */
public class StaffNumberTaken extends ConflictException {

	StaffNumberTaken(String number) {
		super("Staff number " + number + " is taken; choose another one (a person who left keeps theirs, deactivated)",
				Map.of("staffNumber", number));
	}

}
