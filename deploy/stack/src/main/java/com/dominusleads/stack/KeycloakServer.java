package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26 in development mode ({@code start-dev}), its data in a PostgreSQL database of the stack (so it lives
 * and dies with the run's data, not in the shared distribution), importing the realm files from
 * {@code deploy/keycloak/} at start (a realm that already exists is kept).
 */
public final class KeycloakServer {

    public static final String REALM = "dominus";

    private KeycloakServer() {
    }

    public static ProcessSpec prepare(Path distribution, Path realms, int port, int managementPort, String jdbcUrl,
                                      String dbUser, String adminUser, String adminPassword) {
        copyRealms(realms, distribution.resolve("data/import"));
        List<String> command = List.of(distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--hostname=http://127.0.0.1:" + port,
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", JavaRuntime.javaHome().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_DB", "postgres",
                "KC_DB_URL", jdbcUrl,
                "KC_DB_USERNAME", dbUser,
                // Local PostgreSQL trusts loopback connections; Keycloak still insists on a password value.
                "KC_DB_PASSWORD", "local",
                "KC_BOOTSTRAP_ADMIN_USERNAME", adminUser,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return new ProcessSpec("keycloak", command, distribution, env,
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
