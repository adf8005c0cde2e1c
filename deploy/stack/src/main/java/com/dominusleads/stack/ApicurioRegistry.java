package com.dominusleads.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3 (a Quarkus app from Maven Central, needs Java 21+). The local run keeps its schemas in
 * PostgreSQL so schema ids survive restarts (old records stay readable); tests use its in-memory storage.
 */
public final class ApicurioRegistry {

    private ApicurioRegistry() {
    }

    /** @param jdbcUrl the PostgreSQL database to store schemas in, or {@code null} for in-memory storage */
    public static ProcessSpec prepare(Path distribution, Path workDir, int port, int managementPort, String jdbcUrl,
                                      String dbUser, String dbPassword) {
        Map<String, String> env = new HashMap<>();
        if (jdbcUrl != null) {
            env.put("APICURIO_STORAGE_KIND", "sql");
            env.put("APICURIO_STORAGE_SQL_KIND", "postgresql");
            env.put("APICURIO_DATASOURCE_URL", jdbcUrl);
            env.put("APICURIO_DATASOURCE_USERNAME", dbUser);
            env.put("APICURIO_DATASOURCE_PASSWORD", dbPassword);
        }
        List<String> command = List.of(JavaRuntime.java(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.log.console.format=%d{HH:mm:ss} %-5p [%c{2.}] %s%e%n",
                "-jar", distribution.resolve("quarkus-run.jar").toString());
        return new ProcessSpec("apicurio", command, workDir, env,
                URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
    }

    /** The v3 REST API root that clients and serdes use. */
    public static URI apiUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/apis/registry/v3");
    }
}
