package com.dominusleads.stack;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The api-cnaes simulator ({@code deploy/api-cnaes-simulator}) as a server of the local stack, standing in for the
 * remote API the gateway falls back to. It runs from its built jar and the runtime classpath Maven copies beside it
 * ({@code target/lib}), so the stack needs no copy of the simulator's dependencies of its own.
 */
public final class ApiCnaesSimulatorProcess {

    public static final String NAME = "api-cnaes-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.simulator.ApiCnaesSimulator";

    private ApiCnaesSimulatorProcess() {
    }

    /** The simulator on {@code port}, serving the world of {@code seed} to callers sending {@code apiKey}. */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, long seed, String apiKey) {
        Path target = home.root().resolve("deploy/api-cnaes-simulator/target");
        Path jar = target.resolve("dominus-api-cnaes-simulator.jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: build first with ./dominus build");
        }
        // A few MB of state and loopback traffic only: the smallest JVM that serves it.
        List<String> command = List.of(JavaRuntime.java(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", jar + File.pathSeparator + lib + "/*", MAIN_CLASS,
                "--port", String.valueOf(port), "--seed", String.valueOf(seed), "--api-key", apiKey);
        return new ProcessSpec(NAME, command, workDir, Map.of(), URI.create("http://127.0.0.1:" + port + "/health"));
    }
}
