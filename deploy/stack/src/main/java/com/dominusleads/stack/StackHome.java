package com.dominusleads.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the stack runs from: where the Kafka distribution was assembled, where the deploy data lives, and
 * where local state ({@code .dominus/}) is kept.
 */
public record StackHome(Path root) {

    /** From {@code -Ddominus.home}, {@code $DOMINUS_HOME}, or the nearest parent of the working directory holding {@code dominus}. */
    public static StackHome locate() {
        String configured = System.getProperty("dominus.home", System.getenv("DOMINUS_HOME"));
        if (configured != null && !configured.isBlank()) {
            return new StackHome(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("dominus")) && Files.isDirectory(dir.resolve("deploy"))) {
                return new StackHome(dir);
            }
        }
        throw new IllegalStateException("Cannot find the DominusLeads checkout: run from inside it or set DOMINUS_HOME");
    }

    public Path kafkaLibs() {
        return requireBuilt(root.resolve("deploy/kafka-runtime/target/libs"));
    }

    public Path connectPlugins() {
        return requireBuilt(root.resolve("deploy/kafka-runtime/target/plugins"));
    }

    public Path outboxConnectorTemplate() {
        return root.resolve("deploy/connect/outbox-connector.json");
    }

    public Path keycloakRealms() {
        return root.resolve("deploy/keycloak");
    }

    /**
     * Local state: data, logs, pid files. {@code ./dominus reset} wipes it. {@code $DOMINUS_STATE} moves it (the
     * system tests run a second stack beside yours that way).
     */
    public Path stateDir() {
        String configured = System.getenv("DOMINUS_STATE");
        return configured == null || configured.isBlank() ? root.resolve(".dominus") : Path.of(configured).toAbsolutePath();
    }

    /**
     * Unpacked server distributions (Apicurio, Keycloak): a cache like the Maven repository they come from, shared by
     * every checkout, run and test, and kept by {@code reset}. No run writes its data there.
     */
    public Path distributions() {
        String configured = System.getenv("DOMINUS_CACHE");
        Path cache = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "dominus") : Path.of(configured);
        return cache.resolve("dist");
    }

    private static Path requireBuilt(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build the project first (./dominus build)");
        }
        return dir;
    }
}
