package com.dominusleads.stack;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Stripe simulator ({@code deploy/stripe-simulator}) as a server of the local stack, standing in for Stripe's API
 * and sending host-service the signed webhooks Stripe would. It runs from its built jar and the runtime classpath
 * Maven copies beside it ({@code target/lib}), so the stack needs no copy of the simulator's dependencies of its own.
 */
public final class StripeSimulatorProcess {

    public static final String NAME = "stripe-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.stripesimulator.StripeSimulator";

    private StripeSimulatorProcess() {
    }

    /**
     * The simulator on {@code port}, accepting the secret key {@code apiKey} and delivering events to
     * {@code webhookUrl} (e.g. host-service's {@code http://127.0.0.1:8081/…/stripe/webhook}) signed with
     * {@code webhookSecret} ({@code whsec_…}); a null URL leaves delivery off until it is set through
     * {@code POST /_simulator/webhook}.
     */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, String apiKey, String webhookUrl,
                                      String webhookSecret) {
        Path target = home.root().resolve("deploy/stripe-simulator/target");
        Path jar = target.resolve("dominus-stripe-simulator.jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: build first with ./dominus build");
        }
        // A few MB of state and loopback traffic only: the smallest JVM that serves it.
        List<String> command = new ArrayList<>(List.of(JavaRuntime.java(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", jar + File.pathSeparator + lib + "/*", MAIN_CLASS,
                "--port", String.valueOf(port), "--api-key", apiKey));
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            command.addAll(List.of("--webhook-url", webhookUrl, "--webhook-secret", webhookSecret));
        }
        return new ProcessSpec(NAME, command, workDir, Map.of(), URI.create("http://127.0.0.1:" + port + "/health"));
    }
}
