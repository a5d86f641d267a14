package org.example.restaurant.staff.account;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No member of staff has this number (404).
 */
public class StaffNotFound extends NotFoundException {

	StaffNotFound(String number) {
		super("No member of staff has number " + number);
	}

}
