package com.dominusleads.stack;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulator module of {@code deploy/} (api-cnaes, Stripe, messaging providers) as a server of the stack. It runs
 * from its built jar, {@code deploy/<name>/target/dominus-<name>.jar}, and the runtime classpath Maven copies beside
 * it ({@code target/lib}), so the stack needs no copy of a simulator's dependencies of its own.
 */
final class SimulatorProcess {

    private SimulatorProcess() {
    }

    /**
     * The simulator module {@code name} (also the process name) running {@code mainClass} on {@code port}, with
     * {@code arguments} after {@code --port}; ready when its {@code /health} answers.
     */
    static ProcessSpec prepare(StackHome home, String name, String mainClass, Path workDir, int port,
                               List<String> arguments) {
        return prepare(home, name, mainClass, workDir, port, arguments, "128m");
    }

    /** As above, with a heap of at most {@code maxHeap} (e.g. {@code 512m}) for a simulator that logs a lot. */
    static ProcessSpec prepare(StackHome home, String name, String mainClass, Path workDir, int port,
                               List<String> arguments, String maxHeap) {
        // A few MB of state and loopback traffic only: the smallest JVM that serves it.
        return prepare(home, name, mainClass, workDir, port, arguments,
                List.of("-Xms16m", "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** As above, with these JVM options (heap included): a benchmark's stand-in runs as fast as the services. */
    static ProcessSpec prepare(StackHome home, String name, String mainClass, Path workDir, int port,
                               List<String> arguments, List<String> jvmOptions) {
        Path target = home.root().resolve("deploy").resolve(name).resolve("target");
        Path jar = target.resolve("dominus-" + name + ".jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: build first with ./dominus build");
        }
        // Headless: no server has a display (the provider simulator draws its QR codes in memory).
        List<String> command = new ArrayList<>(List.of(JavaRuntime.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", jar + File.pathSeparator + lib + "/*", mainClass,
                "--port", String.valueOf(port)));
        command.addAll(arguments);
        return new ProcessSpec(name, command, workDir, Map.of(), URI.create("http://127.0.0.1:" + port + "/health"));
    }
}
