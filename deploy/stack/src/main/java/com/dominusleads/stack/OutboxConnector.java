package com.dominusleads.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Debezium connector that streams one service database's {@code outbox} table to Kafka, rendered from
 * {@code deploy/connect/outbox-connector.json} (the same file production deploys, with its {@code {{…}}} values
 * filled in per service and environment).
 */
public final class OutboxConnector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxConnector() {
    }

    /** The connector's name for a service database, e.g. {@code ledger-outbox}. */
    public static String nameFor(String database) {
        return database + "-outbox";
    }

    /**
     * Creates or updates the connector of {@code database} on {@code worker}, for the local PostgreSQL on
     * {@code dbPort} (loopback, no password); returns its name. Callers wait with {@link ConnectWorker#awaitRunning}.
     */
    public static String register(ConnectWorker worker, StackHome home, String database, int dbPort) {
        String name = nameFor(database);
        worker.upsertConnector(name, render(home, database, "127.0.0.1", dbPort, PostgresServer.USER, ""));
        return name;
    }

    public static Map<String, String> render(StackHome home, String database, String dbHost, int dbPort, String dbUser,
                                             String dbPassword) {
        Map<String, String> values = Map.of(
                "{{database}}", database,
                "{{db.host}}", dbHost,
                "{{db.port}}", String.valueOf(dbPort),
                "{{db.user}}", dbUser,
                "{{db.password}}", dbPassword);
        try {
            Map<String, String> template = JSON.readValue(Files.readString(home.outboxConnectorTemplate()),
                    new TypeReference<LinkedHashMap<String, String>>() { });
            Map<String, String> config = new LinkedHashMap<>();
            template.forEach((key, value) -> {
                String rendered = value;
                for (var entry : values.entrySet()) {
                    rendered = rendered.replace(entry.getKey(), entry.getValue());
                }
                config.put(key, rendered);
            });
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + home.outboxConnectorTemplate() + ": " + e.getMessage(), e);
        }
    }
}
