package com.dominusleads.launcher;

import com.dominusleads.stack.ApiCnaesSimulatorProcess;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.ConnectWorker;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.KafkaBroker;
import com.dominusleads.stack.KeycloakServer;
import com.dominusleads.stack.MailServerProcess;
import com.dominusleads.stack.MavenArtifact;
import com.dominusleads.stack.PostgresServer;
import com.dominusleads.stack.ProcessSpec;
import com.dominusleads.stack.ProviderSimulatorProcess;
import com.dominusleads.stack.QuarkusService;
import com.dominusleads.stack.StripeSimulatorProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The components of the local stack, in start order, built from the {@link LocalStack} layout. */
public final class Components {

    private final LocalStack stack;
    private final RunState state;
    private final DistributionCache distributions;
    private final LocalSecrets secrets;

    public Components(LocalStack stack, RunState state, DistributionCache distributions) {
        this.stack = stack;
        this.state = state;
        this.distributions = distributions;
        this.secrets = LocalSecrets.of(stack.home().stateDir());
    }

    public Component postgres() {
        return new Component("postgres", List.of(stack.postgresPort()),
                URI.create("tcp://127.0.0.1:" + stack.postgresPort()),
                "postgresql://127.0.0.1:" + stack.postgresPort() + "/<service database>",
                "user " + PostgresServer.USER + ", no password (loopback only)", null);
    }

    public Component kafka() {
        return new Component("kafka", List.of(stack.kafkaPort(), stack.kafkaControllerPort()),
                URI.create("tcp://127.0.0.1:" + stack.kafkaPort()), stack.kafkaBootstrap(), "PLAINTEXT, no auth",
                () -> KafkaBroker.prepare(stack.home(), state.data("kafka"), stack.kafkaPort(), stack.kafkaControllerPort()));
    }

    public Component registry() {
        return new Component("apicurio", List.of(stack.registryPort(), stack.registryManagementPort()),
                URI.create("http://127.0.0.1:" + stack.registryManagementPort() + "/health/ready"),
                ApicurioRegistry.apiUri(stack.registryPort()).toString(), "no auth (local)",
                () -> ApicurioRegistry.prepare(distributions.unpacked(MavenArtifact.APICURIO_REGISTRY),
                        state.work("apicurio"), stack.registryPort(), stack.registryManagementPort(),
                        PostgresServer.jdbcUrl(stack.postgresPort(), LocalStack.REGISTRY_DATABASE),
                        PostgresServer.USER, ""));
    }

    /** GreenMail: the SMTP server Keycloak and the services send mail through, IMAP to read it, and a web API. */
    public Component mail() {
        MailServerProcess.MailPorts ports = stack.mailPorts();
        return new Component(MailServerProcess.NAME, List.of(ports.smtp(), ports.imap(), ports.api()),
                URI.create(ports.apiUri() + "/api/service/readiness"),
                ports.apiUri() + " (SMTP on port " + ports.smtp() + ", IMAP on port " + ports.imap() + ")",
                "no auth: GET /api/user/<address>/messages/INBOX; IMAP login <address>, any password",
                () -> MailServerProcess.prepare(distributions.archive(MavenArtifact.GREENMAIL_STANDALONE),
                        state.work(MailServerProcess.NAME), ports));
    }

    /** The Stripe stand-in, delivering its signed webhooks to host-service. */
    public Component stripeSimulator() {
        int port = stack.stripeSimulatorPort();
        return simulator(StripeSimulatorProcess.NAME, port, stack.stripeApiBase() + "/v1 (admin /_simulator)",
                "secret key and webhook secret in " + stack.home().stateDir().resolve("secrets.properties"),
                () -> StripeSimulatorProcess.prepare(stack.home(), state.work(StripeSimulatorProcess.NAME), port,
                        secrets.stripeApiKey(),
                        "http://127.0.0.1:" + stack.service("host-service").port() + "/webhooks/stripe",
                        secrets.stripeWebhookSecret()));
    }

    /**
     * The stand-in for Meta's WhatsApp Cloud API, Twilio and Evolution API, and for the contacts messaging-service
     * e-mails (they answer through GreenMail).
     */
    public Component providerSimulator() {
        int port = stack.providerSimulatorPort();
        return simulator(ProviderSimulatorProcess.NAME, port,
                stack.providerSimulatorUrl() + " (Meta /v21.0, Twilio /2010-04-01, Evolution; admin /_simulator)",
                "any Meta token and Twilio AC… account; Evolution apikey evolution-api-key-local; admin: no auth",
                () -> ProviderSimulatorProcess.prepare(stack.home(), state.work(ProviderSimulatorProcess.NAME), port,
                        LocalStack.PROVIDER_SIMULATOR_SEED, stack.mailPorts(), ProviderSimulatorProcess.Latency.DEMO,
                        false));
    }

    public Component keycloak() {
        return new Component("keycloak", List.of(stack.keycloakPort(), stack.keycloakManagementPort()),
                URI.create("http://127.0.0.1:" + stack.keycloakManagementPort() + "/health/ready"),
                "http://127.0.0.1:" + stack.keycloakPort() + "/admin",
                "admin console: " + LocalStack.KEYCLOAK_ADMIN + " / " + LocalStack.KEYCLOAK_ADMIN_PASSWORD
                        + "; realm " + KeycloakServer.REALM,
                () -> KeycloakServer.prepare(distributions.unpacked(MavenArtifact.KEYCLOAK),
                        stack.home().keycloakRealms(), state.work("keycloak"), stack.keycloakPort(),
                        stack.keycloakManagementPort(),
                        PostgresServer.jdbcUrl(stack.postgresPort(), LocalStack.KEYCLOAK_DATABASE),
                        PostgresServer.USER, secrets.realm(stack.mailSmtpPort()),
                        LocalStack.KEYCLOAK_ADMIN, LocalStack.KEYCLOAK_ADMIN_PASSWORD));
    }

    public Component connect() {
        return new Component("connect", List.of(stack.connectPort()),
                URI.create("http://127.0.0.1:" + stack.connectPort() + "/connector-plugins"),
                "http://127.0.0.1:" + stack.connectPort() + "/connectors", "no auth (local)",
                () -> ConnectWorker.prepare(stack.home(), state.data("connect"), stack.kafkaBootstrap(), stack.connectPort()));
    }

    public Component apiCnaesSimulator() {
        int port = stack.apiCnaesSimulatorPort();
        return simulator(ApiCnaesSimulatorProcess.NAME, port, stack.apiCnaesUrl() + " (admin /_simulator)",
                "X-API-KEY " + LocalStack.API_CNAES_KEY + "; admin: no auth",
                () -> ApiCnaesSimulatorProcess.prepare(stack.home(), state.work(ApiCnaesSimulatorProcess.NAME), port,
                        LocalStack.API_CNAES_SEED, LocalStack.API_CNAES_KEY));
    }

    /** A simulator: one port on 127.0.0.1, ready when its {@code /health} answers. */
    private static Component simulator(String name, int port, String url, String credentials,
                                       Supplier<ProcessSpec> spec) {
        return new Component(name, List.of(port), URI.create("http://127.0.0.1:" + port + "/health"), url, credentials,
                spec);
    }

    public List<Component> services() {
        List<Component> services = new ArrayList<>();
        for (LocalStack.Service service : stack.services()) {
            services.add(new Component(service.module(), List.of(service.port()),
                    URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"),
                    "http://127.0.0.1:" + service.port() + "/q/openapi", "database " + service.database(),
                    () -> serviceSpec(service)));
        }
        return services;
    }

    /** Every component, in start order (the reverse is the stop order). */
    public List<Component> all() {
        List<Component> all = new ArrayList<>(List.of(postgres(), kafka(), registry(), mail(), keycloak(), connect(),
                apiCnaesSimulator(), stripeSimulator(), providerSimulator()));
        all.addAll(services());
        return all;
    }

    private ProcessSpec serviceSpec(LocalStack.Service service) {
        try {
            // The directory loader is CPU-bound for hours on a real release: it gets the full JIT; the others start light.
            boolean ingestion = service.module().equals("ingestion-service");
            ProcessSpec spec = QuarkusService.prepare(stack.home(), service.module(), service.module(),
                    state.work(service.module()), service.port(), service.database(),
                    new QuarkusService.Surroundings(stack.postgresPort(), stack.kafkaBootstrap(),
                            ApicurioRegistry.apiUri(stack.registryPort()), stack.oidcUrl()),
                    ingestion ? QuarkusService.JvmProfile.THROUGHPUT : QuarkusService.JvmProfile.QUICK_START)
                    // Every service accepts host API keys, asking host-service as the dominus-services client.
                    .withVariable("DOMINUS_SERVICES_SECRET", secrets.realm(stack.mailSmtpPort()).servicesSecret())
                    .withVariable("DOMINUS_API_KEY_INTROSPECTION_URL", "http://127.0.0.1:"
                            + stack.service("host-service").port() + "/api/host/api-keys/introspection");
            return switch (service.module()) {
                // Releases fetched over HTTP are kept with the stack's data (./dominus reset deletes them).
                case "ingestion-service" -> spec.withVariable("DOMINUS_INGESTION_DOWNLOAD_DIR",
                        state.work(service.module()).resolve("downloads").toString());
                // This stack's directory first, then the simulator standing in for the remote api-cnaes.
                case "cnaes-gateway" -> spec
                        .withVariable("DOMINUS_GATEWAY_LOCAL_URL",
                                "http://127.0.0.1:" + stack.service("ingestion-service").port() + "/v1")
                        .withVariable("DOMINUS_GATEWAY_REMOTE_URL", stack.apiCnaesUrl())
                        .withVariable("DOMINUS_GATEWAY_REMOTE_API_KEYS", LocalStack.API_CNAES_KEY);
                // Keycloak's admin API as its own client, the Stripe stand-in, the ledger for balances.
                case "host-service" -> spec
                        .withVariable("DOMINUS_KEYCLOAK_URL", stack.keycloakUrl())
                        .withVariable("DOMINUS_HOST_SERVICE_SECRET", secrets.realm(stack.mailSmtpPort()).hostServiceSecret())
                        .withVariable("DOMINUS_STRIPE_API_BASE", stack.stripeApiBase())
                        .withVariable("DOMINUS_STRIPE_API_KEY", secrets.stripeApiKey())
                        .withVariable("DOMINUS_STRIPE_WEBHOOK_SECRET", secrets.stripeWebhookSecret())
                        .withVariable("DOMINUS_LEDGER_URL", "http://127.0.0.1:" + stack.service("ledger-service").port());
                // Company data through this stack's gateway (its default key); balances from the ledger.
                case "leads-service" -> spec
                        .withVariable("DOMINUS_GATEWAY_URL",
                                "http://127.0.0.1:" + stack.service("cnaes-gateway").port() + "/v1")
                        .withVariable("DOMINUS_LEDGER_URL", "http://127.0.0.1:" + stack.service("ledger-service").port());
                // This machine's credential key; Meta and Twilio are the provider simulator.
                case "messaging-service" -> spec.withVariables(new MessagingEnvironment(secrets.messagingCredentialKeys(),
                        "http://127.0.0.1:" + service.port(), stack.providerSimulatorUrl()).variables());
                default -> spec;
            };
        } catch (IllegalStateException missing) {
            throw new LauncherException(missing.getMessage());
        }
    }
}
