package uk.gov.send.rep.hub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own RSA signing key, as a private JWK in {@value #FILE_NAME} under the key directory:
 * generated on first use (owner-only permissions where the file system has POSIX permissions) and
 * read again every later time, by the hub and by the {@code token} command alike.
 */
final class SigningKeyStore {

    static final String FILE_NAME = "hub-signing-key.jwk.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private SigningKeyStore() {
    }

    /** The key in {@code directory}, created there first if there is none. */
    static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        return create(directory, file);
    }

    static RSAKey read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SigningKeyException(file, "cannot be read (" + e + ")",
                "Make the file readable by the user running the hub.", e);
        }
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        }
        catch (ParseException e) {
            throw corrupt(file, "is not a JSON Web Key (" + e.getMessage() + ")", e);
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw corrupt(file, "is not a private RSA JSON Web Key (found " + jwk.getKeyType()
                + (jwk.isPrivate() ? " private" : " public") + " key)", null);
        }
        if (rsa.size() < 2048) {
            throw corrupt(file, "holds a " + rsa.size() + "-bit RSA key; at least 2048 bits are required", null);
        }
        warnIfShared(file);
        return rsa;
    }

    private static SigningKeyException corrupt(Path file, String problem, Throwable cause) {
        return new SigningKeyException(file, problem,
            "Restore the file from a backup, or delete it to have the hub generate a new key (tokens signed with the old key then stop working).",
            cause);
    }

    private static RSAKey create(Path directory, Path file) {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048)
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .issueTime(new Date())
                .generate();
        }
        catch (JOSEException e) {
            throw new SigningKeyException(file, "could not generate an RSA key (" + e.getMessage() + ")",
                "Check the JVM's security providers.", e);
        }
        Path temporary = null;
        try {
            createDirectory(directory);
            boolean posix = posix(directory);
            FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE) }
                : new FileAttribute<?>[0];
            temporary = Files.createTempFile(directory, ".hub-signing-key", ".tmp", attributes);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                // A hard link fails if the file appeared meanwhile (another process's key): never overwrite a key.
                Files.createLink(file, temporary);
            }
            catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file);
            }
            log.info("Generated the hub's signing key in {}", file.toAbsolutePath());
            return key;
        }
        catch (FileAlreadyExistsException raced) {
            return read(file);
        }
        catch (IOException e) {
            throw new SigningKeyException(file, "cannot be created (" + e + ")",
                "Make " + directory.toAbsolutePath() + " writable by the user running the hub, or set hub.security.local.key-dir.", e);
        }
        finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                }
                catch (IOException ignored) {
                    // only a leftover temporary file
                }
            }
        }
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void warnIfShared(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                log.warn("The signing key {} is readable by others ({}): anyone who can read it can mint tokens. Run chmod 600 on it.",
                    file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        }
        catch (IOException e) {
            log.debug("Could not read the permissions of {}", file, e);
        }
    }
}
