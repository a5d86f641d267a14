package org.example.restaurant.staff;

import org.example.restaurant.platform.test.ModularityContract;

/**
 * The service's packages as Spring Modulith sees them: the staff accounts and their
 * sign-in ({@code account}), which uses the tokens and keys ({@code token}); never the
 * other way round.
 */
class StaffModularityTests extends ModularityContract {

	StaffModularityTests() {
		super(StaffServiceApplication.class, "account", "token");
	}

}
