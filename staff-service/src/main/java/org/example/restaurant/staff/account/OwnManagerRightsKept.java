package org.example.restaurant.staff.account;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A manager tried to deactivate themselves or to drop their own {@code MANAGER} role
 * (409): the restaurant could be left without anyone who may manage the staff. Another
 * manager can do it.
 */
public class OwnManagerRightsKept extends ConflictException {

	OwnManagerRightsKept() {
		super("A manager cannot deactivate themselves or take away their own MANAGER role; ask another manager");
	}

}
