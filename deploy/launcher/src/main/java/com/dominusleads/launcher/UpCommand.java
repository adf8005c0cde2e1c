package com.dominusleads.launcher;

import com.dominusleads.events.Topics;
import com.dominusleads.events.registry.RegisteredSchema;
import com.dominusleads.events.registry.SchemaRegistrar;
import com.dominusleads.stack.ApicurioRegistry;
import com.dominusleads.stack.ChildProcess;
import com.dominusleads.stack.ConnectWorker;
import com.dominusleads.stack.LogTail;
import com.dominusleads.stack.OutboxConnector;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.PostgresServer;
import com.dominusleads.stack.Probe;
import com.dominusleads.stack.ProcessSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dominus up}: starts whatever is not running, waits for each component to be ready, registers the event
 * schemas and the outbox connectors, prints where everything is, and returns with the stack running detached.
 * Safe to re-run at any time: running components are kept, dead ones (even SIGKILLed) are started again on their
 * kept data.
 */
public final class UpCommand {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final LocalStack stack;
    private final RunState state;
    private final Components components;
    private final Console console;
    private final Map<String, Instant> startedAt = new HashMap<>();

    public UpCommand(LocalStack stack, RunState state, Components components, Console console) {
        this.stack = stack;
        this.state = state;
        this.components = components;
        this.console = console;
    }

    public void run() {
        Instant begin = Instant.now();
        console.line("Starting DominusLeads on 127.0.0.1 (state in " + stack.home().stateDir() + ")");
        stack.rememberPortOffset();
        startPostgres();

        Component kafka = components.kafka();
        start(kafka);
        awaitReady(kafka);
        List<String> created = EventTopics.ensure(stack.kafkaBootstrap());
        console.ok("topics", Topics.ALL.size() + " event topics" + (created.isEmpty() ? "" : " (" + created.size() + " created)"));

        Component registry = components.registry();
        Component mail = components.mail();
        Component keycloak = components.keycloak();
        Component connect = components.connect();
        Component simulator = components.apiCnaesSimulator();
        Component stripe = components.stripeSimulator();
        Component providers = components.providerSimulator();
        start(registry);
        start(mail);
        start(keycloak);
        start(connect);
        start(simulator);
        start(stripe);
        start(providers);
        awaitReady(registry);
        registerSchemas();
        // The gateway's remote answers before the gateway starts.
        awaitReady(simulator);

        // Services migrate their databases at start, creating the outbox replication slots the connectors need.
        List<Component> services = components.services();
        services.forEach(this::start);
        services.forEach(this::awaitReady);

        awaitReady(connect);
        registerOutboxConnectors();
        awaitReady(stripe);
        awaitReady(providers);
        awaitReady(mail);
        awaitReady(keycloak);

        console.line("");
        console.line("DominusLeads is up in " + seconds(Duration.between(begin, Instant.now()))
                + ". It keeps running in the background: ./dominus status | logs <component> | down");
        console.line("");
        List<List<String>> rows = new ArrayList<>();
        for (Component component : components.all()) {
            rows.add(List.of(component.name(), component.url(), component.credentials()));
        }
        console.table(List.of("component", "url", "credentials (local only)"), rows);
    }

    private void startPostgres() {
        Component postgres = components.postgres();
        if (state.running(postgres.name()).isPresent()) {
            // Alive: ready now, or still recovering after a crash; a second postmaster would only be refused.
            awaitReady(postgres);
        } else {
            requirePortsFree(postgres);
            console.step(postgres.name(), "starting");
            Instant start = Instant.now();
            PostgresServer server = PostgresServer.startDurable(state.data("postgres"), stack.postgresPort(),
                    state.log("postgres"));
            long pid = server.pid().orElseThrow(() -> new LauncherException(
                    "PostgreSQL started but wrote no pid file; log: " + state.log("postgres")));
            state.recordPid(postgres.name(), ProcessHandle.of(pid).orElseThrow());
            console.ok(postgres.name(), "ready in " + seconds(Duration.between(start, Instant.now()))
                    + "  " + postgres.url());
        }
        PostgresServer server = PostgresServer.running(state.data("postgres"), stack.postgresPort());
        server.ensureDatabase(LocalStack.REGISTRY_DATABASE);
        server.ensureDatabase(LocalStack.KEYCLOAK_DATABASE);
        stack.services().forEach(service -> server.ensureDatabase(service.database()));
    }

    private void start(Component component) {
        if (state.running(component.name()).isPresent()) {
            return;
        }
        requirePortsFree(component);
        ProcessSpec spec = component.spec().get().withVariable(StackProcesses.MARKER, stack.home().stateDir().toString());
        ChildProcess process = ChildProcess.start(spec, state.log(component.name()), true);
        state.recordPid(component.name(), process.handle());
        startedAt.put(component.name(), Instant.now());
        console.step(component.name(), "starting (pid " + process.pid() + ")");
    }

    private void awaitReady(Component component) {
        var process = state.running(component.name());
        boolean ready = process.isPresent() && Probe.await(() -> Probe.isReady(component.readiness()),
                () -> process.get().isAlive(), READY_TIMEOUT);
        if (!ready) {
            String cause = process.isPresent() && process.get().isAlive()
                    ? "did not become ready within " + READY_TIMEOUT.toMinutes() + " min"
                    : "stopped while starting";
            throw new LauncherException(component.name() + " " + cause + " (last log line: "
                    + LogTail.of(state.log(component.name()), 1).strip() + "); log: " + state.log(component.name()));
        }
        Instant started = startedAt.get(component.name());
        console.ok(component.name(), (started == null ? "already running" : "ready in "
                + seconds(Duration.between(started, Instant.now()))) + "  " + component.url());
    }

    private void requirePortsFree(Component component) {
        for (int port : component.ports()) {
            if (Ports.inUse(port)) {
                throw new LauncherException("port " + port + " (" + component.name() + ") is taken by a process this"
                        + " stack did not start; stop it, or run with DOMINUS_PORT_OFFSET=100 to shift every port;"
                        + " log: " + state.log(component.name()));
            }
        }
    }

    private void registerSchemas() {
        SchemaRegistrar registrar = new SchemaRegistrar(ApicurioRegistry.apiUri(stack.registryPort()));
        List<RegisteredSchema> registered = registrar.registerCatalog();
        console.ok("schemas", registered.size() + " event schemas registered, BACKWARD_TRANSITIVE compatibility enforced");
    }

    private void registerOutboxConnectors() {
        ConnectWorker worker = new ConnectWorker(stack.connectPort());
        List<String> names = new ArrayList<>();
        try {
            for (LocalStack.Service service : stack.services()) {
                if (service.outbox()) {
                    names.add(OutboxConnector.register(worker, stack.home(), service.database(), stack.postgresPort()));
                }
            }
            names.forEach(name -> worker.awaitRunning(name, READY_TIMEOUT));
        } catch (IllegalStateException failed) {
            throw new LauncherException(failed.getMessage().lines().findFirst().orElse("a connector failed")
                    + "; log: " + state.log("connect"));
        }
        console.ok("connectors", names.size() + " outbox connectors running (exactly-once): " + String.join(", ", names));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
