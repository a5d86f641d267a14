package org.example.restaurant.staff.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.example.restaurant.staff.token.StaffTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PIN sign-in: the lockout of {@link Staff} and, on success, a staff token.
 * <p>
 * An attempt holds the row of its number until it is counted
 * ({@link StaffRepository#findForSignIn}), so attempts sent at once cannot slip past the
 * count. An unknown number costs as much time as a known one: a PIN is checked against a
 * dummy hash, and the answer is the same 401. A refused attempt is committed, not rolled
 * back: the count is the point.
 */
@Service
public class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final StaffRepository staff;

	private final PasswordEncoder encoder;

	private final StaffTokens tokens;

	private final Lockout lockout;

	private final Clock clock;

	private final String dummyHash;

	SignIn(StaffRepository staff, PasswordEncoder encoder, StaffTokens tokens, StaffSettings settings, Clock clock) {
		this.staff = staff;
		this.encoder = encoder;
		this.tokens = tokens;
		this.lockout = settings.lockout();
		this.clock = clock;
		this.dummyHash = encoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Signs a person in with their PIN.
	 * @param number the staff number
	 * @param pin the PIN
	 * @return the person and their new token
	 * @throws SignInRefused for an unknown number, a wrong PIN, a deactivated person
	 * @throws StaffNumberLocked while the number is locked, and for the attempt that
	 * locks it
	 */
	@Transactional(noRollbackFor = { SignInRefused.class, StaffNumberLocked.class })
	public SignedIn signIn(String number, String pin) {
		Instant now = this.clock.instant();
		Staff person = this.staff.findForSignIn(number).orElse(null);
		if (person == null) {
			this.encoder.matches(pin, this.dummyHash);
			log.info("Sign-in refused: unknown staff number {}", printable(number));
			throw new SignInRefused();
		}
		SignInOutcome outcome = person.signIn(pin, this.encoder, this.lockout, now);
		switch (outcome) {
			case SIGNED_IN -> {
				StaffTokens.Issued token = this.tokens.issue(person.getNumber(), person.getName(),
						person.getRoles().stream().map(Role::name).toList());
				log.info("Signed in: {} {} {}, token valid {}", person.getNumber(), person.getName(), person.getRoles(),
						token.lifetime());
				return new SignedIn(person, token);
			}
			case WRONG_PIN -> {
				log.info("Sign-in refused: wrong PIN for {} ({} of {} in a row)", person.getNumber(),
						person.getFailedAttempts(), this.lockout.attempts());
				throw new SignInRefused();
			}
			case NOW_LOCKED -> {
				log.info("Staff number {} locked until {} after {} wrong PINs in a row", person.getNumber(),
						person.lockedUntil(now).orElseThrow(), this.lockout.attempts());
				throw new StaffNumberLocked(person.retryAfter(now));
			}
			case LOCKED -> {
				log.info("Sign-in refused: staff number {} is locked until {}", person.getNumber(),
						person.lockedUntil(now).orElseThrow());
				throw new StaffNumberLocked(person.retryAfter(now));
			}
			case INACTIVE -> {
				log.info("Sign-in refused: {} is deactivated", person.getNumber());
				throw new SignInRefused();
			}
			default -> throw new IllegalStateException("Unknown outcome " + outcome);
		}
	}

	private static String printable(String number) {
		String shown = number.replaceAll("[^0-9A-Za-z_-]", "?");
		return (shown.length() > 16) ? shown.substring(0, 16) + "..." : shown;
	}

	/**
	 * A person who signed in.
	 *
	 * @param staff the person
	 * @param token their token
	 */
	public record SignedIn(Staff staff, StaffTokens.Issued token) {

	}

}
