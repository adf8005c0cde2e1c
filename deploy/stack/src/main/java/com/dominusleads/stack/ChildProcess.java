package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server running as a child process, its output appended to a log file. */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ProcessHandle handle;
    private final Path log;

    private ChildProcess(ProcessHandle handle, Path log) {
        this.handle = handle;
        this.log = log;
    }

    /**
     * Starts {@code spec}. A detached process gets its own session ({@code setsid}): it outlives the launcher and
     * a Ctrl-C in the launcher's terminal does not reach it.
     */
    public static ChildProcess start(ProcessSpec spec, Path log, boolean detached) {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(spec.command());
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(spec.workDir());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(spec.environment());
            return new ChildProcess(builder.start().toHandle(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code spec} attached to this JVM (marked as its {@link Owner}), stopped when the JVM exits, and waits
     * until it is ready; a server that dies or stays unready fails with the end of its log.
     */
    public static ChildProcess startReady(ProcessSpec spec, Path log, Duration timeout) {
        Owner.reapDeadOwners();
        ChildProcess process = start(spec.withVariable(Owner.VARIABLE, Owner.id()), log, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.stop(Duration.ofSeconds(10)), spec.name() + "-stop"));
        if (!Probe.await(() -> Probe.isReady(spec.readiness()), process::isAlive, timeout)) {
            process.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(spec.name() + " did not become ready; last lines of " + log + ":"
                    + System.lineSeparator() + process.logTail(40));
        }
        return process;
    }

    public long pid() {
        return handle.pid();
    }

    public ProcessHandle handle() {
        return handle;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever is left after {@code grace}. */
    public void stop(Duration grace) {
        stop(handle, grace);
    }

    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception timedOut) {
                process.destroyForcibly();
            }
        }
    }

    /** The last lines of the log, to show why a server did not come up. */
    public String logTail(int lines) {
        return LogTail.of(log, lines);
    }
}
