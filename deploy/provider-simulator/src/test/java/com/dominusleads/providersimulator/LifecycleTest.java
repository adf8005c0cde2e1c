package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, serving many senders at once, closing, and the command line. */
class LifecycleTest {

    @Test
    void startsOnAGivenPortAndClosesCleanly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ProviderSimulator simulator = ProviderSimulator.start(port, SimulatorOptions.defaults());
        assertThat(simulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(new Http(simulator.baseUri()).get("/health").statusCode()).isEqualTo(200);

        simulator.close();
        simulator.close();
        assertThatThrownBy(() -> new Http(simulator.baseUri()).get("/health")).isInstanceOf(IOException.class);
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closingCancelsFollowUpsStillWaiting() throws Exception {
        ProviderSimulator simulator = ProviderSimulator.start(0, SimulatorOptions.defaults()
                .withConfig("{\"latency\": {\"statusMillis\": 60000, \"replyMillis\": 60000}}"));
        new Http(simulator.baseUri()).post("/v21.0/1/messages", "{\"messaging_product\": \"whatsapp\","
                + " \"to\": \"+5511999990001\", \"text\": {\"body\": \"x\"}}", "Authorization", "Bearer t");
        assertThat(simulator.awaitIdle(Duration.ofMillis(50))).isFalse();

        simulator.close();

        assertThat(simulator.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(simulator.deliveries().all()).isEmpty();
    }

    @Test
    void servesConcurrentSendersAndLogsEverySend() throws Exception {
        try (ProviderSimulator simulator = ProviderSimulator.start(0, SimulatorOptions.defaults()
                .withConfig("{\"latency\": {\"statusMillis\": 0, \"replyMillis\": 0}}"));
             ExecutorService senders = Executors.newFixedThreadPool(16)) {
            Http http = new Http(simulator.baseUri());
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String to = "+55119%08d".formatted(i);
                calls.add(senders.submit(() -> http.postForm("/2010-04-01/Accounts/" + TwilioApiTest.SID
                        + "/Messages.json", "To=" + to.replace("+", "%2B") + "&From=%2B15005550006&Body=x",
                        "Authorization", Http.basic(TwilioApiTest.SID, "t")).statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
            assertThat(simulator.sends().all()).hasSize(200);
            assertThat(simulator.sends().all()).extracting(Send::messageId).doesNotHaveDuplicates();
            assertThat(simulator.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void theCommandLineBuildsTheOptions(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("simulator.json");
        Files.writeString(config, "{\"meta\": {\"appSecret\": \"from-file\"}}");

        ProviderSimulator.CommandLine line = ProviderSimulator.CommandLine.parse(new String[]{"--port", "18080",
                "--seed", "77", "--config", config.toString(), "--smtp", "127.0.0.1:3025", "--imap", "127.0.0.1:3143",
                "--greenmail-api", "http://127.0.0.1:8025", "--webhook-timeout-ms", "2500"});

        assertThat(line.port()).isEqualTo(18080);
        assertThat(line.options().seed()).isEqualTo(77);
        assertThat(line.options().webhookTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(line.options().config().at("/meta/appSecret").asText()).isEqualTo("from-file");
        assertThat(line.options().config().at("/email/smtpPort").asInt()).isEqualTo(3025);
        assertThat(line.options().config().at("/email/imapPort").asInt()).isEqualTo(3143);
        assertThat(line.options().config().at("/email/greenmailApi").asText()).isEqualTo("http://127.0.0.1:8025");
        assertThat(ProviderSimulator.CommandLine.parse(new String[]{"--help"})).isNull();
        assertThatThrownBy(() -> ProviderSimulator.CommandLine.parse(new String[]{"--colour", "blue"}))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> ProviderSimulator.CommandLine.parse(new String[]{"--port"}))
                .hasMessageContaining("needs a value");
        Files.writeString(config, "{\"latency\": {\"statusMillis\": -1}}");
        assertThatThrownBy(() -> ProviderSimulator.CommandLine.parse(new String[]{"--config", config.toString()}))
                .hasMessageContaining("statusMillis");
    }
}
