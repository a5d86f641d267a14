package org.example.restaurant.staff.account;

import org.example.restaurant.platform.problem.BadInputException;

/**
 * A value the staff rules do not take, such as a PIN that is not 4 to 8 digits (400
 * naming the field). Request validation finds most of them first; the aggregate checks
 * again, so no path around the API stores a bad one.
 */
public class InvalidStaffField extends BadInputException {

	InvalidStaffField(String field, String message) {
		super(field, message);
	}

}
