package com.dominusleads.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The JVM that owns the servers and scratch directories it starts for its tests. Its servers carry its pid
 * ({@code DOMINUS_OWNER}), its files live in {@code <tmp>/dominus-owner-<pid>/}; a JVM killed before its shutdown
 * hooks ran (a CI timeout, kill -9) leaves both behind, and the next owner removes them.
 */
public final class Owner {

    public static final String VARIABLE = "DOMINUS_OWNER";
    private static final String SCRATCH_PREFIX = "dominus-owner-";
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final long SELF = ProcessHandle.current().pid();
    private static boolean reaped;

    private Owner() {
    }

    /** This JVM's owner id, the value of {@link #VARIABLE} in the servers it starts. */
    public static String id() {
        return String.valueOf(SELF);
    }

    /** A new directory for {@code name}, removed when this JVM exits. */
    public static synchronized Path scratchDirectory(String name) {
        reapDeadOwners();
        try {
            Path root = TMP.resolve(SCRATCH_PREFIX + SELF);
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "scratch-cleanup"));
            }
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the servers and deletes the scratch directories of owners that are gone (once per JVM). */
    public static synchronized void reapDeadOwners() {
        if (reaped) {
            return;
        }
        reaped = true;
        MarkedProcesses.others()
                .filter(process -> MarkedProcesses.valueOf(process, VARIABLE).map(Owner::isGone).orElse(false))
                .forEach(orphan -> ChildProcess.stop(orphan, Duration.ofSeconds(10)));
        try (Stream<Path> entries = Files.list(TMP)) {
            entries.filter(dir -> dir.getFileName().toString().startsWith(SCRATCH_PREFIX))
                    .filter(dir -> isGone(dir.getFileName().toString().substring(SCRATCH_PREFIX.length())))
                    .forEach(Owner::deleteQuietly);
        } catch (IOException e) {
            // An unreadable temp directory only means nothing is reaped this time.
        }
    }

    private static boolean isGone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (IOException e) {
            // Best effort: the next owner tries again.
        }
    }
}
