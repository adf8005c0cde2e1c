package com.dominusleads.launcher;

import com.dominusleads.stack.KeycloakServer;
import com.dominusleads.stack.Secrets;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The local stack's secrets: Keycloak's confidential clients, the Stripe stand-in's key and webhook secret, the key
 * messaging-service encrypts provider credentials with. Made up at random by the first {@code ./dominus up} that needs
 * them, kept in the state directory (owner-only) so that a restart finds the same ones, and deleted by
 * {@code ./dominus reset}. None is in the repository.
 */
public final class LocalSecrets {

    private static final String FILE = "secrets.properties";
    private static final String MESSAGING_KEY = "messaging.credentials-key";
    /** Each secret and how a new one is made. */
    private static final Map<String, Supplier<String>> MADE_UP = Map.of(
            "keycloak.host-service", Secrets::random,
            "keycloak.dominus-services", Secrets::random,
            "stripe.api-key", Secrets::random,
            "stripe.webhook-secret", Secrets::random,
            MESSAGING_KEY, Secrets::encryptionKey);

    private final Properties values;

    private LocalSecrets(Properties values) {
        this.values = values;
    }

    public static LocalSecrets of(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        Properties values = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    values.load(in);
                }
            }
            boolean added = false;
            for (Map.Entry<String, Supplier<String>> secret : MADE_UP.entrySet()) {
                if (!values.containsKey(secret.getKey())) {
                    values.setProperty(secret.getKey(), secret.getValue().get());
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(stateDir);
                if (!Files.exists(file)) {  // owner-only from its first byte
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                try (Writer out = Files.newBufferedWriter(file)) {
                    values.store(out, "DominusLeads local secrets (made up by ./dominus up; ./dominus reset deletes them)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
        return new LocalSecrets(values);
    }

    public KeycloakServer.RealmSettings realm(int smtpPort) {
        return new KeycloakServer.RealmSettings(smtpPort, values.getProperty("keycloak.host-service"),
                values.getProperty("keycloak.dominus-services"));
    }

    /** A Stripe test-mode secret key, as the stand-in and host-service share it. */
    public String stripeApiKey() {
        return "sk_test_" + values.getProperty("stripe.api-key");
    }

    public String stripeWebhookSecret() {
        return "whsec_" + values.getProperty("stripe.webhook-secret");
    }

    /**
     * messaging-service's {@code DOMINUS_MESSAGING_KEYS}: this machine's one key, id {@code local}, the same at every
     * start so that the channel credentials stored under it stay readable.
     */
    public String messagingCredentialKeys() {
        return "local:" + values.getProperty(MESSAGING_KEY);
    }
}
