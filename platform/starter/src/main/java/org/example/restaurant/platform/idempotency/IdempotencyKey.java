package org.example.restaurant.platform.idempotency;

/**
 * The value of an {@code Idempotency-Key} header: 1 to 255 printable ASCII characters
 * (space to tilde). The draft defines the field as a Structured Field string
 * ({@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}); most clients send
 * the bare token instead, so both are accepted and mean the same key.
 *
 * @param value the key without quotes
 */
public record IdempotencyKey(String value) {

	/** The longest key accepted. */
	public static final int MAX_LENGTH = 255;

	public IdempotencyKey {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new InvalidIdempotencyKey("must be 1 to " + MAX_LENGTH + " characters long");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				throw new InvalidIdempotencyKey("must be printable ASCII characters only");
			}
		}
	}

	/**
	 * Reads the header's value, quoted (a Structured Field string) or bare.
	 * @param header the header as received
	 * @return the key
	 * @throws InvalidIdempotencyKey if the value is empty, too long, not printable ASCII,
	 * or a malformed quoted string
	 */
	public static IdempotencyKey parse(String header) {
		String value = (header != null) ? header.strip() : "";
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return new IdempotencyKey(unquote(value.substring(1, value.length() - 1)));
		}
		return new IdempotencyKey(value);
	}

	private static String unquote(String quoted) {
		StringBuilder value = new StringBuilder(quoted.length());
		for (int i = 0; i < quoted.length(); i++) {
			char c = quoted.charAt(i);
			if (c == '\\') {
				if (i + 1 == quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
					throw new InvalidIdempotencyKey("is a quoted string with an invalid escape");
				}
				c = quoted.charAt(++i);
			}
			else if (c == '"') {
				throw new InvalidIdempotencyKey("is a quoted string with an unescaped quote");
			}
			value.append(c);
		}
		return value.toString();
	}

}
