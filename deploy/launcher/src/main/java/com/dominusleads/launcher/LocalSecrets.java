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
import java.util.Properties;

/**
 * The local stack's secrets: Keycloak's confidential clients, the Stripe stand-in's key and webhook secret. Made up
 * at random on the first {@code ./dominus up}, kept in the state directory (owner-only) so that a restart finds the
 * same ones, and deleted by {@code ./dominus reset}. None is in the repository.
 */
public final class LocalSecrets {

    private static final String FILE = "secrets.properties";

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
            for (String key : new String[] {"keycloak.host-service", "keycloak.dominus-services", "stripe.api-key",
                    "stripe.webhook-secret"}) {
                if (!values.containsKey(key)) {
                    values.setProperty(key, Secrets.random());
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
}
