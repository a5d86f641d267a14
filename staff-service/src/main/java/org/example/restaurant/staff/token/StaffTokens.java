package org.example.restaurant.staff.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.example.restaurant.platform.security.SecuritySettings;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints staff tokens with the authorization server's {@link JwtEncoder}, so they are
 * signed with the same key as the service tokens: RS256, header {@code kid}; claims
 * {@code iss}, {@code sub} (the staff number), {@code name}, {@code roles}, {@code iat},
 * {@code exp} (docs/security.md). No {@code scope}: a staff token never opens
 * {@code /internal/**}.
 */
@Component
public class StaffTokens {

	/** The claim with the person's name. */
	public static final String NAME = "name";

	/** The claim with the person's roles. */
	public static final String ROLES = "roles";

	private final JwtEncoder encoder;

	private final String issuer;

	private final Duration lifetime;

	private final Clock clock;

	StaffTokens(JwtEncoder encoder, SecuritySettings security, IssuingSettings settings, Clock clock) {
		this.encoder = encoder;
		this.issuer = security.issuer();
		this.lifetime = settings.tokenLifetime();
		this.clock = clock;
	}

	/**
	 * A token for a person who just signed in.
	 * @param staffNumber their number, the token's subject
	 * @param name their name
	 * @param roles their roles
	 * @return the signed token and how long it is valid
	 */
	public Issued issue(String staffNumber, String name, List<String> roles) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(staffNumber)
			.claim(NAME, name)
			.claim(ROLES, List.copyOf(roles))
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new Issued(token, this.lifetime);
	}

	/**
	 * A signed staff token.
	 *
	 * @param value the JWT
	 * @param lifetime how long it is valid from now
	 */
	public record Issued(String value, Duration lifetime) {

		@Override
		public String toString() {
			return "Issued[value=****, lifetime=" + this.lifetime + "]";
		}

	}

}
