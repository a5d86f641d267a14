package org.example.restaurant.staff.account;

/**
 * What one sign-in attempt came to ({@link Staff#signIn}).
 */
public enum SignInOutcome {

	/** The right PIN of an active person: the wrong attempts are forgotten. */
	SIGNED_IN,

	/** A wrong PIN, counted. */
	WRONG_PIN,

	/** A wrong PIN that was one too many: the number is locked from now on. */
	NOW_LOCKED,

	/** The number was locked already; the PIN was not even looked at. */
	LOCKED,

	/** The right PIN of a person who was deactivated. */
	INACTIVE

}
