package org.example.restaurant.staff.account;

/**
 * The answer to a sign-in (docs/api.md): the staff token, its type and its lifetime in
 * seconds, and the person.
 */
record LoginResponse(String accessToken, String tokenType, long expiresIn, StaffJson staff) {

	static LoginResponse of(SignIn.SignedIn signedIn) {
		return new LoginResponse(signedIn.token().value(), "Bearer", signedIn.token().lifetime().toSeconds(),
				StaffJson.of(signedIn.staff()));
	}

}
