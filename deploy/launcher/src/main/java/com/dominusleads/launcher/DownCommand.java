package com.dominusleads.launcher;

import com.dominusleads.stack.ChildProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./dominus down}: stops the stack in reverse start order (services first, PostgreSQL last, with a fast
 * shutdown), then stops any process of this checkout's stack that a pid file no longer names.
 */
public final class DownCommand {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final RunState state;
    private final Components components;
    private final Console console;

    public DownCommand(LocalStack stack, RunState state, Components components, Console console) {
        this.stack = stack;
        this.state = state;
        this.components = components;
        this.console = console;
    }

    public void run() {
        // Waves, each stopped in parallel: what talks to a server stops before that server.
        List<List<Component>> waves = List.of(components.services(),
                List.of(components.apiCnaesSimulator(), components.stripeSimulator(), components.providerSimulator(),
                        components.connect(), components.keycloak(), components.registry()),
                List.of(components.mail()),
                List.of(components.kafka()),
                List.of(components.postgres()));
        int stopped = 0;
        for (List<Component> wave : waves) {
            Map<Component, ProcessHandle> running = new LinkedHashMap<>();
            wave.forEach(component -> state.running(component.name()).ifPresent(p -> running.put(component, p)));
            running.values().stream().filter(p -> !isPostgres(p)).forEach(ProcessHandle::destroy);
            running.forEach((component, process) -> {
                stop(component.name(), process);
                console.ok(component.name(), "stopped");
            });
            wave.forEach(component -> state.forget(component.name()));
            stopped += running.size();
        }
        List<ProcessHandle> leftovers = StackProcesses.of(stack.home().stateDir());
        // Everything else first, in parallel; then PostgreSQL: orphaned backends get SIGTERM (they end at once),
        // a postmaster SIGINT (fast shutdown).
        List<ProcessHandle> others = leftovers.stream().filter(p -> !isPostgres(p)).toList();
        others.forEach(ProcessHandle::destroy);
        others.forEach(p -> ChildProcess.stop(p, GRACE));
        List<ProcessHandle> postgres = leftovers.stream().filter(DownCommand::isPostgres).toList();
        postgres.stream().filter(p -> p.parent().filter(DownCommand::isPostgres).isPresent()).forEach(ProcessHandle::destroy);
        postgres.forEach(p -> stop("postgres", p));
        if (!leftovers.isEmpty()) {
            console.ok("leftovers", leftovers.size() + " process(es) without a pid file stopped");
        }
        console.line(stopped + leftovers.size() == 0 ? "Nothing was running." : "DominusLeads is stopped; data is kept in "
                + stack.home().stateDir() + " (./dominus reset wipes it).");
    }

    private static void stop(String component, ProcessHandle process) {
        if ("postgres".equals(component) || isPostgres(process)) {
            // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, committed data is kept.
            signal("INT", process);
            try {
                process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (Exception notYet) {
                // falls through to the generic stop
            }
        }
        ChildProcess.stop(process, GRACE);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    private static void signal(String signal, ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
        } catch (Exception e) {
            process.destroy();
        }
    }
}
