package org.example.restaurant.staff.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys, kept as a JWK set file ({@value #FILE_NAME}) in
 * {@code staff.keys.location}, so that a restart signs nobody out. On first start the
 * folder holds no file: an RSA 2048 key with a {@code kid} is generated with Nimbus's
 * {@link RSAKeyGenerator} and written, readable by the owner only. Every key of the file
 * is published in the JWKS and accepted; the first one signs, so a key is rotated by
 * putting a new one first and keeping the old one until the tokens it signed have expired
 * (docs/security.md, "Keys and rotation").
 */
public final class SigningKeys {

	/** The name of the file in the keys folder. */
	public static final String FILE_NAME = "jwks.json";

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private final JWKSet keys;

	private SigningKeys(JWKSet keys) {
		this.keys = keys;
	}

	/**
	 * The keys of a folder, generated and written first when it has none.
	 * @param folder the keys folder
	 * @return the keys
	 * @throws IllegalStateException if the file cannot be read or written, or its first
	 * key cannot sign
	 */
	public static SigningKeys in(Path folder) {
		Path file = folder.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				generate(folder, file);
			}
			else if (isPosix(file) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
				log.warn("The signing keys in {} can be read by others than their owner; chmod 600 it", file);
			}
			SigningKeys keys = new SigningKeys(check(JWKSet.load(file.toFile()), file));
			log.info("Signing keys: {} key(s) in {}, signing with kid {}", keys.keys.size(), file,
					keys.signingKey().getKeyID());
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the signing keys in " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(file + " is not a JWK set: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Every key, private parts included: the JWKS endpoint publishes only the public
	 * ones.
	 * @return the key set, the signing key first
	 */
	public JWKSet jwkSet() {
		return this.keys;
	}

	/**
	 * The key that signs every new token: the first of the file.
	 * @return the key
	 */
	public RSAKey signingKey() {
		return (RSAKey) this.keys.getKeys().get(0);
	}

	/**
	 * A new RSA 2048 signing key with a random {@code kid}, as the first start makes it;
	 * for a rotation too (docs/security.md).
	 * @return the key, private part included
	 */
	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	private static void generate(Path folder, Path file) throws IOException {
		boolean posix = isPosix(folder.toAbsolutePath().getRoot());
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder,
					posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER) }
							: new FileAttribute<?>[0]);
		}
		RSAKey key = newKey();
		// written next to the file first and moved, so no one ever reads half a file
		Path partial = Files.createTempFile(folder, "jwks", ".partial",
				posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE) }
						: new FileAttribute<?>[0]);
		try {
			Files.writeString(partial, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
			if (!posix) {
				partial.toFile().setReadable(false, false);
				partial.toFile().setReadable(true, true);
			}
			Files.move(partial, file);
			log.info("Generated a new signing key, kid {}, in {}", key.getKeyID(), file);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance sharing the folder was quicker: its key is the one
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static JWKSet check(JWKSet keys, Path file) {
		List<JWK> all = keys.getKeys();
		if (all.isEmpty()) {
			throw new IllegalStateException(file + " holds no key");
		}
		Set<String> ids = new HashSet<>();
		for (JWK key : all) {
			if (key.getKeyID() == null || !ids.add(key.getKeyID())) {
				throw new IllegalStateException("Every key in " + file + " needs a kid of its own");
			}
		}
		if (!(all.get(0) instanceof RSAKey first) || !first.isPrivate()) {
			throw new IllegalStateException(
					"The first key in " + file + " signs, so it must be an RSA key with its private part");
		}
		return keys;
	}

	private static boolean isPosix(Path path) {
		return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
