package org.example.restaurant.staff.account;

import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A new PIN as a person typed it: 4 to 8 digits. It only ever lives in memory on its way
 * to the {@link PasswordEncoder}; {@link #toString()} never shows it.
 */
public final class Pin {

	/** The rule, for request validation too. */
	public static final String PATTERN = "[0-9]{4,8}";

	/** What is wrong with a PIN that breaks the rule. */
	public static final String RULE = "must be 4 to 8 digits";

	private static final Pattern DIGITS = Pattern.compile(PATTERN);

	private final String digits;

	private Pin(String digits) {
		this.digits = digits;
	}

	/**
	 * A PIN that follows the rule.
	 * @param digits what was typed
	 * @return the PIN
	 * @throws InvalidStaffField if it is not 4 to 8 digits
	 */
	public static Pin of(String digits) {
		if (digits == null || !DIGITS.matcher(digits).matches()) {
			throw new InvalidStaffField("pin", RULE);
		}
		return new Pin(digits);
	}

	String hash(PasswordEncoder encoder) {
		return encoder.encode(this.digits);
	}

	@Override
	public String toString() {
		return "Pin[****]";
	}

}
