package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path stateDir;

    @Test
    void theMessagingKeyIsMadeOnceOwnerOnlyAndIsAnAes256Key() throws Exception {
        String keys = LocalSecrets.of(stateDir).messagingCredentialKeys();

        assertThat(keys).startsWith("local:");
        assertThat(Base64.getDecoder().decode(keys.substring("local:".length()))).hasSize(32);
        assertThat(LocalSecrets.of(stateDir).messagingCredentialKeys()).as("the next up").isEqualTo(keys);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecretNewerThanTheFileIsAddedAndTheOthersAreKept() throws Exception {
        Path file = stateDir.resolve("secrets.properties");
        Files.writeString(file, "keycloak.host-service=a\nkeycloak.dominus-services=b\nstripe.api-key=c\n"
                + "stripe.webhook-secret=d\n");

        LocalSecrets secrets = LocalSecrets.of(stateDir);

        assertThat(secrets.stripeApiKey()).isEqualTo("sk_test_c");
        assertThat(secrets.messagingCredentialKeys()).startsWith("local:");
        assertThat(Files.readString(file)).contains("messaging.credentials-key=", "stripe.api-key=c");
    }
}
