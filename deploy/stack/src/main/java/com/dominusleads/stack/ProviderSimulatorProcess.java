package com.dominusleads.stack;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider simulator ({@code deploy/provider-simulator}) as a server of the local stack, standing in for Meta's
 * WhatsApp Cloud API, Twilio and Evolution API (and answering e-mail through GreenMail), and sending messaging-service
 * the signed webhooks those providers would. It runs from its built jar and the runtime classpath Maven copies beside
 * it ({@code target/lib}), so the stack needs no copy of the simulator's dependencies of its own.
 */
public final class ProviderSimulatorProcess {

    public static final String NAME = "provider-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.providersimulator.ProviderSimulator";

    private ProviderSimulatorProcess() {
    }

    /**
     * The simulator on {@code port}, drawing outcomes with {@code seed}, configured from {@code configFile} (webhook
     * URLs and secrets per provider, outcome script or probabilities, latency; see docs/provider-simulator.md), or
     * with its defaults when null (webhooks then go nowhere until set through {@code POST /_simulator/config}).
     * {@code smtpPort} and {@code imapPort} (GreenMail's on 127.0.0.1) turn e-mail replies on; 0 leaves them off.
     */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, long seed, Path configFile,
                                      int smtpPort, int imapPort) {
        Path target = home.root().resolve("deploy/provider-simulator/target");
        Path jar = target.resolve("dominus-provider-simulator.jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: build first with ./dominus build");
        }
        // Small in-memory state and loopback traffic only: the smallest JVM that serves it.
        List<String> command = new ArrayList<>(List.of(JavaRuntime.java(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", jar + File.pathSeparator + lib + "/*",
                MAIN_CLASS, "--port", String.valueOf(port), "--seed", String.valueOf(seed)));
        if (configFile != null) {
            command.addAll(List.of("--config", configFile.toString()));
        }
        if (smtpPort > 0 && imapPort > 0) {
            command.addAll(List.of("--smtp", "127.0.0.1:" + smtpPort, "--imap", "127.0.0.1:" + imapPort));
        }
        return new ProcessSpec(NAME, command, workDir, Map.of(), URI.create("http://127.0.0.1:" + port + "/health"));
    }
}
