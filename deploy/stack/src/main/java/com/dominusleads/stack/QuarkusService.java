package com.dominusleads.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of a suite service, run from its built {@code quarkus-app}: where its database, Kafka, the registry
 * and Keycloak are reach it as environment variables (the same ones a deployment sets).
 */
public final class QuarkusService {

    /** How the JVM of a service (or of a simulator standing in for a provider beside it) is tuned. */
    public enum JvmProfile {
        /** The local run: seven services start at once on a laptop, so the JIT stops at C1 and heaps stay small. */
        QUICK_START("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        /** Benchmarks: steady-state speed, as a deployment runs (full JIT, a larger heap). */
        THROUGHPUT("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC");

        private final List<String> options;

        JvmProfile(String... options) {
            this.options = List.of(options);
        }

        /** The JVM options, heap limits included. */
        List<String> options() {
            return options;
        }
    }

    /** The servers every service instance talks to. */
    public record Surroundings(int postgresPort, String kafkaBootstrap, URI registryApi, String oidcUrl) {
    }

    private QuarkusService() {
    }

    /**
     * @param module   the service's Maven module (its jar is {@code <module>/target/quarkus-app/quarkus-run.jar})
     * @param instance the process name, e.g. {@code ledger-service} or {@code ledger-service-2}
     */
    public static ProcessSpec prepare(StackHome home, String module, String instance, Path workDir, int httpPort,
                                      String database, Surroundings surroundings, JvmProfile profile) {
        Path jar = home.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./dominus build");
        }
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.java());
        command.addAll(profile.options);
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessSpec(instance, command,
                workDir,
                Map.of("DOMINUS_HTTP_PORT", String.valueOf(httpPort),
                        "DOMINUS_DB_JDBC_URL", PostgresServer.jdbcUrl(surroundings.postgresPort(), database),
                        "DOMINUS_DB_URL", PostgresServer.reactiveUrl(surroundings.postgresPort(), database),
                        "DOMINUS_DB_OWNER", PostgresServer.USER,
                        "DOMINUS_KAFKA_BOOTSTRAP", surroundings.kafkaBootstrap(),
                        "DOMINUS_REGISTRY_URL", surroundings.registryApi().toString(),
                        "DOMINUS_OIDC_URL", surroundings.oidcUrl()),
                URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"));
    }
}
