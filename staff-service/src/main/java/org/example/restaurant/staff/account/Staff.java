package org.example.restaurant.staff.account;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A member of staff: the staff number they sign in with, their name and roles, whether
 * they may still sign in, and their PIN, kept only as a hash of the
 * {@link PasswordEncoder}.
 * <p>
 * The lockout lives here, in the database, so that it survives a restart and every
 * instance sees the same count: {@link Lockout#attempts()} wrong PINs in a row lock the
 * number until {@code lockedUntil}; while it is locked every attempt is refused without
 * the PIN being looked at, the right one too. A successful sign-in, and a new PIN set by
 * a manager, forget the wrong attempts.
 */
@Entity
@Table(name = "staff")
public class Staff {

	/** The rule of a staff number, for request validation too. */
	public static final String NUMBER_PATTERN = "[0-9]{1,10}";

	/** What is wrong with a staff number that breaks the rule. */
	public static final String NUMBER_RULE = "must be 1 to 10 digits";

	/** The longest name. */
	public static final int NAME_MAX = 60;

	private static final Pattern NUMBER = Pattern.compile(NUMBER_PATTERN);

	@Id
	@Column(name = "staff_number")
	private String number;

	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_number"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = new HashSet<>();

	private boolean active;

	@Column(name = "pin_hash")
	private String pinHash;

	@Column(name = "failed_attempts")
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private Integer version;

	protected Staff() {
	}

	private Staff(String number, String name, Set<Role> roles, String pinHash, Instant createdAt) {
		this.number = number;
		this.name = name;
		this.roles.addAll(roles);
		this.active = true;
		this.pinHash = pinHash;
		this.createdAt = createdAt;
	}

	/**
	 * A new, active member of staff.
	 * @param number the staff number, 1 to 10 digits
	 * @param name the name shown on the tablets
	 * @param roles at least one
	 * @param pin the PIN they sign in with
	 * @param encoder hashes the PIN
	 * @param now when
	 * @return the new member of staff
	 */
	public static Staff hire(String number, String name, Collection<Role> roles, Pin pin, PasswordEncoder encoder,
			Instant now) {
		if (number == null || !NUMBER.matcher(number).matches()) {
			throw new InvalidStaffField("staffNumber", NUMBER_RULE);
		}
		return new Staff(number, checkName(name), checkRoles(roles), pin.hash(encoder), now);
	}

	/**
	 * One sign-in attempt with a PIN.
	 * @param pin what was typed
	 * @param encoder checks it against the hash
	 * @param lockout when wrong attempts lock the number
	 * @param now when the attempt is made
	 * @return what came of it; wrong attempts are counted, and one too many locks
	 */
	public SignInOutcome signIn(String pin, PasswordEncoder encoder, Lockout lockout, Instant now) {
		if (lockedUntil(now).isPresent()) {
			return SignInOutcome.LOCKED;
		}
		this.lockedUntil = null;
		if (pin == null || !encoder.matches(pin, this.pinHash)) {
			this.failedAttempts++;
			if (this.failedAttempts >= lockout.attempts()) {
				this.failedAttempts = 0;
				// to the database's precision, so the lock read back ends when this one
				// does
				this.lockedUntil = now.plus(lockout.duration()).truncatedTo(ChronoUnit.MICROS);
				return SignInOutcome.NOW_LOCKED;
			}
			return SignInOutcome.WRONG_PIN;
		}
		this.failedAttempts = 0;
		return this.active ? SignInOutcome.SIGNED_IN : SignInOutcome.INACTIVE;
	}

	/**
	 * Until when the number is locked.
	 * @param now the time to ask about
	 * @return the end of the lock, empty when it is not locked at {@code now}
	 */
	public Optional<Instant> lockedUntil(Instant now) {
		return Optional.ofNullable(this.lockedUntil).filter(now::isBefore);
	}

	/**
	 * How long until the number may be tried again.
	 * @param now the time to ask about
	 * @return the wait, zero when it is not locked
	 */
	public Duration retryAfter(Instant now) {
		return lockedUntil(now).map((until) -> Duration.between(now, until)).orElse(Duration.ZERO);
	}

	/**
	 * A new name.
	 * @param name not blank, at most {@value #NAME_MAX} characters
	 */
	public void rename(String name) {
		this.name = checkName(name);
	}

	/**
	 * New roles, replacing the old ones.
	 * @param roles at least one
	 */
	public void assign(Collection<Role> roles) {
		Set<Role> checked = checkRoles(roles);
		this.roles.retainAll(checked);
		this.roles.addAll(checked);
	}

	/**
	 * From now on their sign-ins fail; tokens already issued end with their lifetime.
	 */
	public void deactivate() {
		this.active = false;
	}

	/** They may sign in again. */
	public void activate() {
		this.active = true;
	}

	/**
	 * A new PIN, set by a manager: the wrong attempts are forgotten and a lock is lifted.
	 * @param pin the new PIN
	 * @param encoder hashes it
	 */
	public void changePin(Pin pin, PasswordEncoder encoder) {
		this.pinHash = pin.hash(encoder);
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	public String getNumber() {
		return this.number;
	}

	public String getName() {
		return this.name;
	}

	/**
	 * The roles, in the order of {@link Role}.
	 * @return the roles
	 */
	public List<Role> getRoles() {
		return this.roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(this.roles));
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean isActive() {
		return this.active;
	}

	/**
	 * The wrong PINs in a row since the last success or lock.
	 * @return the count
	 */
	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	@Override
	public String toString() {
		return this.number + " " + this.name + " " + getRoles() + (this.active ? "" : " (inactive)");
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidStaffField("name", "must not be blank");
		}
		if (name.length() > NAME_MAX) {
			throw new InvalidStaffField("name", "must be at most " + NAME_MAX + " characters");
		}
		return name.strip();
	}

	private static Set<Role> checkRoles(Collection<Role> roles) {
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidStaffField("roles", "must name at least one role");
		}
		return EnumSet.copyOf(roles);
	}

}
