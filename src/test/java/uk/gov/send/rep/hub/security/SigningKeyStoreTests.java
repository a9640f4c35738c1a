package uk.gov.send.rep.hub.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The signing key file: created once, owner-only, reused; a bad file is named in the failure. */
class SigningKeyStoreTests {

    @Test
    void shouldCreateTheKeyOnceOwnerOnlyAndReuseIt(@TempDir Path directory) throws Exception {
        Path keyDir = directory.resolve("data/security");
        RSAKey first = SigningKeyStore.loadOrCreate(keyDir);
        Path file = keyDir.resolve(SigningKeyStore.FILE_NAME);
        assertThat(file).exists();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir))).isEqualTo("rwx------");
        String written = Files.readString(file);

        RSAKey second = SigningKeyStore.loadOrCreate(keyDir);
        assertThat(second.toJSONString()).isEqualTo(first.toJSONString());
        assertThat(Files.readString(file)).isEqualTo(written);
        try (var files = Files.list(keyDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldNameACorruptFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve(SigningKeyStore.FILE_NAME);
        Files.writeString(file, "{\"kty\": \"RSA\"");
        assertThatExceptionOfType(SigningKeyException.class).isThrownBy(() -> SigningKeyStore.loadOrCreate(directory))
            .withMessageStartingWith("Signing key " + file.toAbsolutePath() + ": is not a JSON Web Key")
            .satisfies(e -> assertThat(e.action()).contains("delete it"));
        assertThat(Files.readString(file)).isEqualTo("{\"kty\": \"RSA\"");
    }

    @Test
    void shouldRefuseAPublicKeyOnly(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve(SigningKeyStore.FILE_NAME),
            new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONString());
        assertThatExceptionOfType(SigningKeyException.class).isThrownBy(() -> SigningKeyStore.loadOrCreate(directory))
            .withMessageEndingWith("is not a private RSA JSON Web Key (found RSA public key)");
    }

    @Test
    void shouldReportTheFileInTheStartupFailure(@TempDir Path directory) throws Exception {
        Path file = directory.resolve(SigningKeyStore.FILE_NAME);
        Files.writeString(file, "garbage");
        try {
            SigningKeyStore.loadOrCreate(directory);
        }
        catch (SigningKeyException e) {
            var analysis = new SigningKeyFailureAnalyzer().analyze(new IllegalStateException("wrapped", e));
            assertThat(analysis.getDescription()).contains(file.toAbsolutePath().toString());
            assertThat(analysis.getAction()).contains("Restore the file");
            return;
        }
        throw new AssertionError("no failure");
    }
}
