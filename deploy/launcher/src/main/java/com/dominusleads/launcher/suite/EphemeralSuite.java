package com.dominusleads.launcher.suite;

import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.launcher.EventTopics;
import com.dominusleads.launcher.LocalStack;
import com.dominusleads.launcher.MessagingEnvironment;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.ChildProcess;
import com.dominusleads.stack.ConnectWorker;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.KafkaBroker;
import com.dominusleads.stack.KeycloakServer;
import com.dominusleads.stack.MailServerProcess;
import com.dominusleads.stack.MavenArtifact;
import com.dominusleads.stack.OutboxConnector;
import com.dominusleads.stack.Owner;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.PostgresServer;
import com.dominusleads.stack.ProcessSpec;
import com.dominusleads.stack.ProviderSimulatorProcess;
import com.dominusleads.stack.QuarkusService;
import com.dominusleads.stack.Secrets;
import com.dominusleads.stack.StackHome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A private, throw-away run of part of the suite, for system tests and benchmarks: an ephemeral PostgreSQL, and Kafka,
 * Apicurio, Connect with Debezium, optionally Keycloak, and the chosen services (several instances of one if asked)
 * as real child processes on free ports; with messaging-service come GreenMail and the provider simulator, which it
 * calls as Meta and Twilio and whose contacts answer its mails. Any of them can be killed with SIGKILL and restarted
 * on its kept data, which is what the fault-injection test does. Everything stops when the suite is closed or the JVM
 * exits.
 */
public final class EphemeralSuite implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    /** A service instance of the suite: its process name and HTTP port. */
    public record Instance(String name, int port) {

        public URI url(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private record Running(ProcessSpec spec, ChildProcess process) {
    }

    private final Map<String, Running> processes = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final StackHome home = StackHome.locate();
    private final QuarkusService.JvmProfile profile;
    private final Map<String, String> environment;
    private final Consumer<String> progress;
    private DistributionCache distributions;
    private PostgresServer postgres;
    private String kafkaBootstrap;
    private URI registryApi;
    private ConnectWorker connect;
    private String oidcUrl;
    private final MailServerProcess.MailPorts mail = new MailServerProcess.MailPorts(Ports.free(), Ports.free(),
            Ports.free());
    private final KeycloakServer.RealmSettings realm = KeycloakServer.RealmSettings.withRandomSecrets(mail.smtp());
    private final int providerSimulatorPort = Ports.free();
    private final String messagingCredentialKeys = "suite:" + Secrets.encryptionKey();

    private EphemeralSuite(QuarkusService.JvmProfile profile, Map<String, String> environment,
                           Consumer<String> progress) {
        this.profile = profile;
        Map<String, String> withDefaults = new LinkedHashMap<>();
        // Suites drive one tenant at the throughput a whole platform sees (benchmarks, the fault-injection run): the
        // per-tenant API rate limit, and its bucket's row lock, would be measured instead. A suite testing the limit
        // turns it back on.
        withDefaults.put("DOMINUS_RATE_LIMIT_ENABLED", "false");
        withDefaults.putAll(environment);
        this.environment = Map.copyOf(withDefaults);
        this.progress = progress;
    }

    /** Starts the servers, then {@code instancesPerModule} (module → instance count) with their outbox connectors. */
    public static EphemeralSuite start(Map<String, Integer> instancesPerModule, boolean keycloak,
                                       QuarkusService.JvmProfile profile, Consumer<String> progress) {
        return start(instancesPerModule, keycloak, profile, Map.of(), progress);
    }

    /** The same, with {@code environment} added to every service's (settings a test or benchmark needs). */
    public static EphemeralSuite start(Map<String, Integer> instancesPerModule, boolean keycloak,
                                       QuarkusService.JvmProfile profile, Map<String, String> environment,
                                       Consumer<String> progress) {
        EphemeralSuite suite = new EphemeralSuite(profile, environment, progress);
        try {
            suite.startServers(keycloak);
            suite.startServices(instancesPerModule);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startServers(boolean keycloak) {
        postgres = PostgresServer.startEphemeral();
        progress.accept("postgres ready on port " + postgres.port());
        int kafkaPort = Ports.free();
        kafkaBootstrap = "127.0.0.1:" + kafkaPort;
        launch(KafkaBroker.prepare(home, Owner.scratchDirectory("kafka"), kafkaPort, Ports.free()));
        EventTopics.ensure(kafkaBootstrap);

        distributions = new DistributionCache(home.distributions(), progress);
        int registryPort = Ports.free();
        registryApi = ApicurioRegistry.apiUri(registryPort);
        int connectPort = Ports.free();
        List<ProcessSpec> parallel = new ArrayList<>(List.of(
                ApicurioRegistry.prepare(distributions.unpacked(MavenArtifact.APICURIO_REGISTRY),
                        Owner.scratchDirectory("apicurio"), registryPort, Ports.free(), null, null, null),
                ConnectWorker.prepare(home, Owner.scratchDirectory("connect"), kafkaBootstrap, connectPort)));
        int keycloakPort = Ports.free();
        oidcUrl = "http://127.0.0.1:" + keycloakPort + "/realms/" + KeycloakServer.REALM;
        if (keycloak) {
            postgres.ensureDatabase("keycloak");
            // Keycloak's mail (tenant invitations) goes to a GreenMail of the suite.
            parallel.add(mailServer());
            parallel.add(KeycloakServer.prepare(distributions.unpacked(MavenArtifact.KEYCLOAK), home.keycloakRealms(),
                    Owner.scratchDirectory("keycloak"), keycloakPort, Ports.free(), postgres.jdbcUrl("keycloak"),
                    PostgresServer.USER, realm, "admin", "admin"));
        }
        launchAll(parallel);
        connect = new ConnectWorker(connectPort);
        SchemaRegistrar registrar = new SchemaRegistrar(registryApi);
        registrar.registerCatalog();
    }

    private void startServices(Map<String, Integer> instancesPerModule) {
        if (instancesPerModule.containsKey("messaging-service")) {
            startProviderSimulator();
        }
        // Every instance has its port before any is prepared: a service is told where the others listen (leads-service
        // the gateway and the ledger, all of them host-service) whatever the order of the modules.
        instancesPerModule.forEach((module, count) -> {
            postgres.ensureDatabase(LocalStack.databaseOf(module));
            for (int i = 1; i <= count; i++) {
                String name = instanceName(module, i);
                instances.put(name, new Instance(name, Ports.free()));
            }
        });
        List<ProcessSpec> first = new ArrayList<>();
        List<ProcessSpec> others = new ArrayList<>();
        instancesPerModule.forEach((module, count) -> {
            for (int i = 1; i <= count; i++) {
                // A module's first instance migrates its database alone; the others start once it is ready.
                (i == 1 ? first : others).add(spec(module, instances.get(instanceName(module, i)), Map.of()));
            }
        });
        launchAll(first);
        launchAll(others);
        instancesPerModule.keySet().forEach(this::streamOutbox);
    }

    private static String instanceName(String module, int ordinal) {
        return ordinal == 1 ? module : module + "-" + ordinal;
    }

    /**
     * Starts {@code module}, not yet in the suite, with {@code environment} added to the suite's: for a service that
     * must be told where another instance of the suite listens (the gateway, where its local directory is).
     */
    public Instance add(String module, Map<String, String> environment) {
        if (instances.containsKey(module)) {
            throw new IllegalArgumentException(module + " already runs in this suite");
        }
        if (module.equals("messaging-service")) {
            startProviderSimulator();
        }
        postgres.ensureDatabase(LocalStack.databaseOf(module));
        Instance instance = new Instance(module, Ports.free());
        launch(spec(module, instance, environment));
        instances.put(module, instance);
        streamOutbox(module);
        return instance;
    }

    private ProcessSpec spec(String module, Instance instance, Map<String, String> extra) {
        ProcessSpec spec = QuarkusService.prepare(home, module, instance.name(), Owner.scratchDirectory(instance.name()),
                instance.port(), LocalStack.databaseOf(module),
                new QuarkusService.Surroundings(postgres.port(), kafkaBootstrap, registryApi, oidcUrl), profile);
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("DOMINUS_SERVICES_SECRET", realm.servicesSecret());
        Instance host = instances.get("host-service");
        if (host != null) {
            variables.put("DOMINUS_API_KEY_INTROSPECTION_URL",
                    "http://127.0.0.1:" + host.port() + "/api/host/api-keys/introspection");
        }
        if (module.equals("host-service")) {
            // Its Keycloak client (tenant provisioning); Stripe stays unconfigured unless a suite passes it.
            variables.put("DOMINUS_KEYCLOAK_URL", oidcUrl.substring(0, oidcUrl.indexOf("/realms/")));
            variables.put("DOMINUS_HOST_SERVICE_SECRET", realm.hostServiceSecret());
        }
        Instance gateway = instances.get("cnaes-gateway");
        if (module.equals("leads-service") && gateway != null) {
            variables.put("DOMINUS_GATEWAY_URL", gateway.url("/v1").toString());
        }
        Instance ledger = instances.get("ledger-service");
        if (module.equals("leads-service") && ledger != null) {
            variables.put("DOMINUS_LEDGER_URL", ledger.url("").toString());
        }
        if (module.equals("messaging-service")) {
            variables.putAll(new MessagingEnvironment(messagingCredentialKeys, instance.url("").toString(),
                    providerSimulator().toString()).variables());
        }
        variables.putAll(extra);
        return spec.withVariables(variables);
    }

    private ProcessSpec mailServer() {
        return MailServerProcess.prepare(distributions.archive(MavenArtifact.GREENMAIL_STANDALONE),
                Owner.scratchDirectory(MailServerProcess.NAME), mail);
    }

    /** The provider simulator, and the GreenMail it answers mails through unless Keycloak's was started. */
    private void startProviderSimulator() {
        if (started(ProviderSimulatorProcess.NAME)) {
            return;
        }
        if (!started(MailServerProcess.NAME)) {
            launch(mailServer());
        }
        launch(ProviderSimulatorProcess.prepare(home, Owner.scratchDirectory(ProviderSimulatorProcess.NAME),
                providerSimulatorPort, LocalStack.PROVIDER_SIMULATOR_SEED, mail,
                ProviderSimulatorProcess.Latency.QUICK,
                profile == QuarkusService.JvmProfile.THROUGHPUT));
    }

    private boolean started(String name) {
        synchronized (processes) {
            return processes.containsKey(name);
        }
    }

    /** Debezium streams the module's outbox, if it has one (the gateway publishes nothing). */
    private void streamOutbox(String module) {
        if (!LocalStack.hasOutbox(module)) {
            return;
        }
        String name = OutboxConnector.register(connect, home, LocalStack.databaseOf(module), postgres.port());
        connect.awaitRunning(name, STARTUP);
        progress.accept("connector " + name + " running");
    }

    private void launchAll(List<ProcessSpec> specs) {
        List<CompletableFuture<Void>> starting = specs.stream()
                .map(spec -> CompletableFuture.runAsync(() -> launch(spec))).toList();
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void launch(ProcessSpec spec) {
        long begin = System.nanoTime();
        Path log = spec.workDir().resolve(spec.name() + ".log");
        ChildProcess process = ChildProcess.startReady(spec, log, STARTUP);
        synchronized (processes) {
            processes.put(spec.name(), new Running(spec, process));
        }
        progress.accept(String.format("%s ready in %.1f s (pid %d, log %s)", spec.name(),
                (System.nanoTime() - begin) / 1e9, process.pid(), log));
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no flush, no goodbye to Kafka or PostgreSQL. */
    public void kill(String name) {
        Running running = running(name);
        running.process().handle().descendants().forEach(ProcessHandle::destroyForcibly);
        running.process().handle().destroyForcibly();
        try {
            running.process().handle().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not die after SIGKILL", e);
        }
    }

    /** Starts a killed process again with the same configuration and data, and waits until it is ready. */
    public void restart(String name) {
        launch(running(name).spec());
    }



    private Running running(String name) {
        synchronized (processes) {
            Running running = processes.get(name);
            if (running == null) {
                throw new IllegalArgumentException("no process " + name + " in this suite: " + processes.keySet());
            }
            return running;
        }
    }

    public Instance instance(String name) {
        Instance instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no service instance " + name + ": " + instances.keySet());
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Apicurio's v3 API root: where a client writing events straight to Kafka finds their schemas' content ids. */
    public URI registryApi() {
        return registryApi;
    }


    public ConnectWorker connect() {
        return connect;
    }

    /** The provider simulator's base URL (started with messaging-service): its admin API is under /_simulator. */
    public URI providerSimulator() {
        return URI.create("http://127.0.0.1:" + providerSimulatorPort);
    }

    /** Where the suite's GreenMail listens (started with Keycloak or messaging-service). */
    public MailServerProcess.MailPorts mail() {
        return mail;
    }

    /** The realm's token endpoint (Keycloak started with the suite). */
    public URI tokenEndpoint() {
        return URI.create(oidcUrl + "/protocol/openid-connect/token");
    }

    /** Stops every process, services first (PostgreSQL stops with the JVM). */
    @Override
    public void close() {
        List<Running> all;
        synchronized (processes) {
            all = new ArrayList<>(processes.values());
        }
        java.util.Collections.reverse(all);
        all.forEach(running -> running.process().stop(Duration.ofSeconds(10)));
    }
}
