package org.example.restaurant.staff.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@TempDir
	Path folder;

	@Test
	void generatesAnRsaKeyWithAKidOnFirstStartReadableByTheOwnerOnly() throws Exception {
		Path keys = this.folder.resolve("keys");

		SigningKeys signing = SigningKeys.in(keys);

		RSAKey key = signing.signingKey();
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.size()).isEqualTo(2048);
		assertThat(key.getKeyID()).isNotBlank();
		Path file = keys.resolve(SigningKeys.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		try (var listing = Files.list(keys)) {
			assertThat(listing).containsExactly(file);
		}
	}

	@Test
	void readsTheSameKeysAgain() {
		String kid = SigningKeys.in(this.folder).signingKey().getKeyID();

		assertThat(SigningKeys.in(this.folder).signingKey().getKeyID()).isEqualTo(kid);
	}

	@Test
	void signsWithTheFirstKeyAndKeepsTheOthersForChecking() throws Exception {
		RSAKey old = SigningKeys.in(this.folder).signingKey();
		RSAKey next = SigningKeys.newKey();
		Files.writeString(this.folder.resolve(SigningKeys.FILE_NAME),
				new JWKSet(List.of(next, old.toPublicJWK())).toString(false));

		SigningKeys keys = SigningKeys.in(this.folder);

		assertThat(keys.signingKey().getKeyID()).isEqualTo(next.getKeyID());
		assertThat(keys.jwkSet().getKeys()).extracting(JWK::getKeyID).containsExactly(next.getKeyID(), old.getKeyID());
	}

	@Test
	void refusesAFileWhoseFirstKeyCannotSign() throws Exception {
		RSAKey key = SigningKeys.newKey();
		Files.writeString(this.folder.resolve(SigningKeys.FILE_NAME), new JWKSet(key.toPublicJWK()).toString(false));

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.in(this.folder))
			.withMessageContaining("private part");
	}

	@Test
	void refusesKeysWithoutKidsOfTheirOwn() throws Exception {
		RSAKey key = SigningKeys.newKey();
		Files.writeString(this.folder.resolve(SigningKeys.FILE_NAME),
				new JWKSet(List.of(key, key.toPublicJWK())).toString(false));

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.in(this.folder))
			.withMessageContaining("kid of its own");
	}

	@Test
	void refusesAFileThatIsNoJwkSet() throws Exception {
		Files.writeString(this.folder.resolve(SigningKeys.FILE_NAME), "not json");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.in(this.folder))
			.withMessageContaining("not a JWK set");
	}

}
