package com.dominusleads.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The provider simulator ({@code deploy/provider-simulator}) as a server of the local stack, standing in for Meta's
 * WhatsApp Cloud API, Twilio and Evolution API, and for the contacts messaging-service e-mails: they answer through
 * the stack's GreenMail. It sends messaging-service the signed webhooks those providers would, once a channel's
 * webhook URL is set through {@code POST /_simulator/config} (see docs/provider-simulator.md).
 */
public final class ProviderSimulatorProcess {

    public static final String NAME = "provider-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.providersimulator.ProviderSimulator";
    private static final String CONFIG_FILE = NAME + ".json";

    /** How long contacts take: statuses come {@code status} after a send, the read receipt and reply {@code reply}. */
    public record Latency(Duration status, Duration reply) {

        /** Slow enough to watch a conversation unfold in the local run, quick enough not to wait for it. */
        public static final Latency DEMO = new Latency(Duration.ofMillis(500), Duration.ofSeconds(2));
        /** For tests and benchmarks: quick, yet a moment after the send's answer, as at a real provider. */
        public static final Latency QUICK = new Latency(Duration.ofMillis(50), Duration.ofMillis(150));
    }

    private ProviderSimulatorProcess() {
    }

    /**
     * The simulator on {@code port}, drawing outcomes with {@code seed}, playing them back after {@code latency}.
     * Every mailbox of the GreenMail on {@code mail} is a contact: whatever messaging-service mails there is answered
     * from that mailbox (read over IMAP, replies sent over SMTP). The configuration is written to the work directory,
     * where it can be read; changes made at runtime through {@code /_simulator/config} last until the next start.
     * {@code fullJit} (benchmarks) runs it as the services are measured ({@link QuarkusService.JvmProfile#THROUGHPUT}):
     * on a small machine a stand-in held at C1 takes the CPU the service under measurement needs.
     */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, long seed,
                                      MailServerProcess.MailPorts mail, Latency latency, boolean fullJit) {
        ObjectNode config = new ObjectMapper().createObjectNode();
        ObjectNode email = config.putObject("email");
        email.put("smtpHost", "127.0.0.1").put("smtpPort", mail.smtp())
                .put("imapHost", "127.0.0.1").put("imapPort", mail.imap())
                // "*": every mailbox GreenMail's API lists, so contacts need not be named in advance.
                .put("greenmailApi", mail.apiUri().toString()).putArray("watch").add("*");
        config.putObject("latency").put("statusMillis", latency.status().toMillis())
                .put("replyMillis", latency.reply().toMillis());
        Path configFile = workDir.resolve(CONFIG_FILE);
        try {
            Files.createDirectories(workDir);
            Files.writeString(configFile, config.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the provider simulator's configuration " + configFile, e);
        }
        // It keeps every send and webhook (bodies included) until a reset: a benchmark's tens of thousands of sends
        // and their statuses outgrow the other simulators' 128 MB.
        List<String> arguments = List.of("--seed", String.valueOf(seed), "--config", configFile.toString());
        return fullJit
                ? SimulatorProcess.prepare(home, NAME, MAIN_CLASS, workDir, port, arguments,
                        QuarkusService.JvmProfile.THROUGHPUT.options())
                : SimulatorProcess.prepare(home, NAME, MAIN_CLASS, workDir, port, arguments, "512m");
    }
}
