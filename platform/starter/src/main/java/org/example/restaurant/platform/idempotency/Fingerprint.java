package org.example.restaurant.platform.idempotency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a request's content, so that a key reused with another request is
 * recognised: the SHA-256 of the request's validated fields in canonical form, not of the
 * raw body. So {@code {"amount": 20}} and {@code {"amount": 20.00, "tip": null}} with the
 * same other fields are the same request, whatever the spacing or the order of the JSON
 * properties. Numbers are compared by value ({@code 20} equals {@code 20.00}); each field
 * is written with its length, so no two lists of fields give the same text.
 *
 * @param sha256 the digest, 64 lowercase hex digits
 */
public record Fingerprint(String sha256) {

	/**
	 * The fingerprint of a request's fields, in the order given.
	 * @param fields the fields that make the request what it is (path variables
	 * included); {@code null} for an absent field
	 * @return the fingerprint
	 */
	public static Fingerprint of(Object... fields) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : fields) {
			if (field == null) {
				canonical.append("~;");
			}
			else {
				String text = canonical(field);
				canonical.append(text.length()).append(':').append(text).append(';');
			}
		}
		return new Fingerprint(HexFormat.of().formatHex(sha256(canonical.toString())));
	}

	private static String canonical(Object field) {
		if (field instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (field instanceof Enum<?> constant) {
			return constant.name();
		}
		return field.toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
