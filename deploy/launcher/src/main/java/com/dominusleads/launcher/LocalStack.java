package com.dominusleads.launcher;

import com.dominusleads.stack.StackHome;
import java.util.List;

/**
 * The local run's fixed layout: which servers and services run, on which loopback ports, with which local-only
 * credentials. {@code DOMINUS_PORT_OFFSET} shifts every port, for a machine where the defaults are taken.
 */
public final class LocalStack {

    public static final String DB_USER = "postgres";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    public static final String REGISTRY_DATABASE = "apicurio";
    public static final String KEYCLOAK_DATABASE = "keycloak";

    /** A Quarkus service of the suite: its module, its own database, and whether it publishes through an outbox. */
    public record Service(String module, String database, int port, boolean outbox) {
    }

    private final StackHome home;
    private final int offset;

    public LocalStack(StackHome home) {
        this.home = home;
        String configured = System.getenv("DOMINUS_PORT_OFFSET");
        this.offset = configured == null || configured.isBlank() ? 0 : Integer.parseInt(configured.trim());
    }

    public StackHome home() {
        return home;
    }

    public int postgresPort() {
        return 15432 + offset;
    }

    public int kafkaPort() {
        return 19092 + offset;
    }

    public int kafkaControllerPort() {
        return 19093 + offset;
    }

    public int connectPort() {
        return 18083 + offset;
    }

    public int registryPort() {
        return 18081 + offset;
    }

    public int registryManagementPort() {
        return 19081 + offset;
    }

    public int keycloakPort() {
        return 18180 + offset;
    }

    public int keycloakManagementPort() {
        return 19180 + offset;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort();
    }

    public List<Service> services() {
        return List.of(
                new Service("host-service", "host", 18201 + offset, true),
                new Service("tenant-service", "tenant", 18202 + offset, true),
                new Service("leads-service", "leads", 18203 + offset, true),
                new Service("ledger-service", "ledger", 18204 + offset, true),
                new Service("messaging-service", "messaging", 18205 + offset, true),
                new Service("ingestion-service", "ingestion", 18206 + offset, true),
                new Service("cnaes-gateway", "cnaes_gateway", 18207 + offset, false));
    }
}
