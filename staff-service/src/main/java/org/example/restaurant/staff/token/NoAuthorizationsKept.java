package org.example.restaurant.staff.token;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of the service tokens issued. They are self-contained JWTs that every
 * receiver checks by signature, issuer and expiry alone; nobody introspects or revokes
 * them, and the only grant is client credentials, which reads no earlier authorization.
 * (The authorization server's in-memory default would keep every token issued until the
 * next restart.)
 */
class NoAuthorizationsKept implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}

}
