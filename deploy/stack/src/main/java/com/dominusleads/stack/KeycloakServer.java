package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26 in development mode ({@code start-dev}), its data in a PostgreSQL database of the stack (so it lives
 * and dies with the run's data, not in the shared distribution), importing the realm files from
 * {@code deploy/keycloak/} at start (a realm that already exists is kept).
 *
 * <p>Several Keycloaks run from one unpacked distribution (the local stack, test JVMs, system tests), so a run
 * writes nothing there: realm files and transaction logs go to the run's own directory. Always PostgreSQL, never
 * {@code dev-file}: the database kind is a build option, and a run asking for another kind than the last one makes
 * {@code start-dev} rebuild the distribution's {@code lib/quarkus} (≈ 20 s) under any Keycloak running from it.
 */
public final class KeycloakServer {

    public static final String REALM = "dominus";

    /**
     * What the realm file leaves to its run ({@code ${…}} placeholders Keycloak resolves at import): the port of the
     * SMTP server on 127.0.0.1 it sends mail through, and the secrets of its confidential clients (generated per
     * stack or test run, never in the repository).
     */
    public record RealmSettings(int smtpPort, String hostServiceSecret, String servicesSecret) {

        /** Fresh secrets, for a run whose Keycloak lives as long as it does (tests, suites). */
        public static RealmSettings withRandomSecrets(int smtpPort) {
            return new RealmSettings(smtpPort, Secrets.random(), Secrets.random());
        }

        Map<String, String> variables() {
            return Map.of("DOMINUS_SMTP_PORT", String.valueOf(smtpPort),
                    "DOMINUS_HOST_SERVICE_SECRET", hostServiceSecret,
                    "DOMINUS_SERVICES_SECRET", servicesSecret);
        }
    }

    private KeycloakServer() {
    }

    /**
     * @param workDir this run's directory: the realm files to import and the transaction logs (several Keycloaks
     *                share one unpacked distribution, so a run writes nothing there)
     */
    public static ProcessSpec prepare(Path distribution, Path realms, Path workDir, int port, int managementPort,
                                      String jdbcUrl, String dbUser, RealmSettings settings, String adminUser,
                                      String adminPassword) {
        Path importDir = workDir.resolve("import");
        copyRealms(realms, importDir);
        // kc.sh quotes -D arguments itself (paths may hold spaces), unlike JAVA_OPTS_APPEND. --import-realm would
        // read the distribution's data/import; this property is what it sets, pointed at our own copy instead.
        List<String> command = List.of(distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "-Dkeycloak.migration.dir=" + importDir,
                "-Dquarkus.transaction-manager.object-store.directory=" + workDir.resolve("transaction-logs"),
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--hostname=http://127.0.0.1:" + port);
        Map<String, String> env = new HashMap<>(settings.variables());
        env.putAll(Map.of(
                "JAVA_HOME", JavaRuntime.javaHome().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_DB", "postgres",
                "KC_DB_URL", jdbcUrl,
                "KC_DB_USERNAME", dbUser,
                // Local PostgreSQL trusts loopback connections; Keycloak still insists on a password value.
                "KC_DB_PASSWORD", "local",
                "KC_BOOTSTRAP_ADMIN_USERNAME", adminUser,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
        return new ProcessSpec("keycloak", command, workDir, env,
                URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
    }

    /** Replaces the import directory's content, so that a realm file removed from deploy/ is no longer imported. */
    private static void copyRealms(Path realms, Path importDir) {
        try (var files = Files.list(realms)) {
            Directories.deleteRecursively(importDir);
            Files.createDirectories(importDir);
            for (Path realm : files.filter(f -> f.toString().endsWith("-realm.json")).toList()) {
                Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Keycloak realm from " + realms + ": " + e.getMessage(), e);
        }
    }
}
