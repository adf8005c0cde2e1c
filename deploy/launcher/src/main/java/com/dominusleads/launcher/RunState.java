package com.dominusleads.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the local run keeps its state under {@code .dominus/}: one pid file per component (pid and process start
 * time, so a recycled pid is never mistaken for ours), logs, and data.
 */
public final class RunState {

    private final Path root;

    public RunState(Path stateDir) {
        this.root = stateDir;
    }

    public Path log(String component) {
        return root.resolve("logs").resolve(component + ".log");
    }

    public Path data(String component) {
        return root.resolve("data").resolve(component);
    }

    public Path work(String component) {
        return root.resolve("run").resolve(component);
    }

    private Path pidFile(String component) {
        return root.resolve("run").resolve(component + ".pid");
    }

    public void recordPid(String component, ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(pidFile(component).getParent());
            Files.writeString(pidFile(component), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component's process if its pid file names a live process that started when recorded. */
    public Optional<ProcessHandle> running(String component) {
        Path file = pidFile(component);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            long started = fields.length > 1 ? Long.parseLong(fields[1]) : 0L;
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> started == 0 || p.info().startInstant()
                            .map(t -> Math.abs(t.toEpochMilli() - started) < 2000).orElse(true));
            if (process.isEmpty()) {
                forget(component);
            }
            return process;
        } catch (IOException | RuntimeException e) {
            forget(component);
            return Optional.empty();
        }
    }

    public void forget(String component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
