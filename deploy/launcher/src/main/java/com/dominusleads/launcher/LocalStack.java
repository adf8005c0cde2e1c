package com.dominusleads.launcher;

import com.dominusleads.stack.KeycloakServer;
import com.dominusleads.stack.MailServerProcess;
import com.dominusleads.stack.StackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local run's fixed layout: which servers and services run, on which loopback ports, with which local-only
 * credentials. {@code DOMINUS_PORT_OFFSET} (a multiple of 100) shifts every port, for a machine where the defaults
 * are taken or for a second stack; {@code up} remembers it in the state directory for the other commands.
 */
public final class LocalStack {

    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    public static final String REGISTRY_DATABASE = "apicurio";
    public static final String KEYCLOAK_DATABASE = "keycloak";
    /** The api-cnaes simulator stands in for the remote API: the world it serves, and the key the gateway sends it. */
    public static final long API_CNAES_SEED = 1;
    public static final String API_CNAES_KEY = "local-api-cnaes-key";
    /** The provider simulator draws its contacts' outcomes with this seed: the same answers in every run. */
    public static final long PROVIDER_SIMULATOR_SEED = 1;

    /** A Quarkus service of the suite: its module, its own database, and whether it publishes through an outbox. */
    public record Service(String module, String database, int port, boolean outbox) {
    }

    // The suite's services at their default ports (every stack shifts them by its offset).
    private static final List<Service> SERVICES = List.of(
            new Service("host-service", "host", 18201, true),
            new Service("tenant-service", "tenant", 18202, true),
            new Service("leads-service", "leads", 18203, true),
            new Service("ledger-service", "ledger", 18204, true),
            new Service("messaging-service", "messaging", 18205, true),
            new Service("ingestion-service", "ingestion", 18206, true),
            new Service("cnaes-gateway", "cnaes_gateway", 18207, false));

    private final StackHome home;
    private final int offset;

    public LocalStack(StackHome home) {
        this(home, portOffset(home));
    }

    LocalStack(StackHome home, int offset) {
        if (offset < 0 || offset % 100 != 0 || offset > 9000) {
            throw new LauncherException("DOMINUS_PORT_OFFSET must be a multiple of 100 between 0 and 9000, not " + offset);
        }
        this.home = home;
        this.offset = offset;
    }

    public int portOffset() {
        return offset;
    }

    /**
     * Remembers the offset, so that status, logs and down find a stack started with one, and marks the directory as
     * a stack's state (reset deletes nothing else).
     */
    public void rememberPortOffset() {
        try {
            Files.createDirectories(home.stateDir());
            Files.writeString(home.stateDir().resolve(ResetCommand.SENTINEL), "DominusLeads local state\n");
            Files.writeString(offsetFile(home), offset + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int portOffset(StackHome home) {
        String configured = System.getenv("DOMINUS_PORT_OFFSET");
        try {
            if (configured != null && !configured.isBlank()) {
                return Integer.parseInt(configured.trim());
            }
            Path remembered = offsetFile(home);
            return Files.isRegularFile(remembered) ? Integer.parseInt(Files.readString(remembered).trim()) : 0;
        } catch (NumberFormatException e) {
            throw new LauncherException("DOMINUS_PORT_OFFSET must be a number (a multiple of 100), not '" + configured + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path offsetFile(StackHome home) {
        return home.stateDir().resolve("port-offset");
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
        return 18091 + offset;
    }

    public int keycloakPort() {
        return 18180 + offset;
    }

    public int keycloakManagementPort() {
        return 18190 + offset;
    }

    public int mailSmtpPort() {
        return 18025 + offset;
    }

    public int mailApiPort() {
        return 18026 + offset;
    }

    public int mailImapPort() {
        return 18027 + offset;
    }

    public MailServerProcess.MailPorts mailPorts() {
        return new MailServerProcess.MailPorts(mailSmtpPort(), mailImapPort(), mailApiPort());
    }

    public int stripeSimulatorPort() {
        return 18296 + offset;
    }

    /** Where the Stripe stand-in serves Stripe's REST API (host-service's Stripe API base). */
    public String stripeApiBase() {
        return "http://127.0.0.1:" + stripeSimulatorPort();
    }

    public int providerSimulatorPort() {
        return 18297 + offset;
    }

    /** Where the provider simulator serves Meta's Graph API and Twilio's REST API (messaging-service's base URLs). */
    public String providerSimulatorUrl() {
        return "http://127.0.0.1:" + providerSimulatorPort();
    }

    /** Keycloak's base URL (its admin REST API is under it). */
    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort();
    }

    public int apiCnaesSimulatorPort() {
        return 18295 + offset;
    }

    /** Where the simulator serves the api-cnaes contract: the gateway's remote. */
    public String apiCnaesUrl() {
        return "http://127.0.0.1:" + apiCnaesSimulatorPort() + "/v1";
    }

    /** The realm's issuer URL, where services fetch the keys that verify access tokens. */
    public String oidcUrl() {
        return "http://127.0.0.1:" + keycloakPort() + "/realms/" + KeycloakServer.REALM;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort();
    }

    /** The database a service module owns (the same name in every stack). */
    public static String databaseOf(String module) {
        return defaultsOf(module).database();
    }

    /** Whether a service module publishes events through an outbox (the same in every stack). */
    public static boolean hasOutbox(String module) {
        return defaultsOf(module).outbox();
    }

    private static Service defaultsOf(String module) {
        return SERVICES.stream().filter(service -> service.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service module " + module));
    }

    public List<Service> services() {
        return SERVICES.stream().map(this::shifted).toList();
    }

    /** A service of this stack, on its shifted port. */
    public Service service(String module) {
        return shifted(defaultsOf(module));
    }

    private Service shifted(Service service) {
        return new Service(service.module(), service.database(), service.port() + offset, service.outbox());
    }
}
