package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.ProcessSpec;
import com.dominusleads.stack.StackHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {

    @TempDir
    Path checkout;
    private Components components;

    @BeforeEach
    void stackShiftedBy300() {
        LocalStack stack = new LocalStack(new StackHome(checkout), 300);
        components = new Components(stack, new RunState(checkout.resolve(".dominus")),
                new DistributionCache(checkout.resolve("dist"), message -> { }));
    }

    @Test
    void theSimulatorRunsFromItsBuiltJarAndClasspathOnTheStacksPort() throws IOException {
        Path target = checkout.resolve("deploy/api-cnaes-simulator/target");
        Files.createDirectories(target.resolve("lib"));
        Files.createFile(target.resolve("dominus-api-cnaes-simulator.jar"));

        Component simulator = components.apiCnaesSimulator();
        ProcessSpec spec = simulator.spec().get();

        assertThat(simulator.ports()).containsExactly(18595);
        assertThat(simulator.readiness()).isEqualTo(URI.create("http://127.0.0.1:18595/health"));
        assertThat(simulator.url()).startsWith("http://127.0.0.1:18595/v1");
        assertThat(spec.command()).containsSubsequence("-cp",
                target.resolve("dominus-api-cnaes-simulator.jar") + File.pathSeparator + target.resolve("lib") + "/*",
                ApiCnaesSimulator.class.getName(), "--port", "18595", "--seed", "1", "--api-key", "local-api-cnaes-key");
    }

    @Test
    void anUnbuiltSimulatorSaysHowToBuildIt() {
        assertThatThrownBy(() -> components.apiCnaesSimulator().spec().get()).hasMessageContaining("./dominus build");
    }

    @Test
    void theSimulatorComesBeforeTheServicesInStartOrder() {
        List<String> names = components.all().stream().map(Component::name).toList();

        assertThat(names.indexOf("api-cnaes-simulator")).isGreaterThan(names.indexOf("connect"))
                .isLessThan(names.indexOf("host-service"));
        assertThat(names.indexOf("provider-simulator")).isGreaterThan(names.indexOf("mail"))
                .isLessThan(names.indexOf("messaging-service"));
    }

    @Test
    void theProviderSimulatorAnswersThroughTheStacksGreenMailAtADemoPace() throws IOException {
        Path target = checkout.resolve("deploy/provider-simulator/target");
        Files.createDirectories(target.resolve("lib"));
        Files.createFile(target.resolve("dominus-provider-simulator.jar"));

        Component simulator = components.providerSimulator();
        ProcessSpec spec = simulator.spec().get();

        assertThat(simulator.ports()).containsExactly(18597);
        assertThat(simulator.readiness()).isEqualTo(URI.create("http://127.0.0.1:18597/health"));
        assertThat(spec.command()).containsSubsequence("-cp",
                target.resolve("dominus-provider-simulator.jar") + File.pathSeparator + target.resolve("lib") + "/*",
                "com.dominusleads.providersimulator.ProviderSimulator", "--port", "18597", "--seed", "1", "--config");
        Path configFile = Path.of(spec.command().getLast());
        JsonNode config = new ObjectMapper().readTree(configFile.toFile());
        assertThat(config.path("email").path("smtpPort").asInt()).isEqualTo(18325);
        assertThat(config.path("email").path("imapPort").asInt()).isEqualTo(18327);
        assertThat(config.path("email").path("greenmailApi").asText()).isEqualTo("http://127.0.0.1:18326");
        assertThat(config.path("email").path("watch").toString()).isEqualTo("[\"*\"]");
        assertThat(config.path("latency").path("statusMillis").asLong()).isEqualTo(500);
        assertThat(config.path("latency").path("replyMillis").asLong()).isEqualTo(2000);
    }

    @Test
    void greenMailServesImapBesideSmtpAndItsApi() {
        assertThat(components.mail().ports()).containsExactly(18325, 18327, 18326);
    }

    @Test
    void messagingServiceCallsTheProviderSimulatorAsMetaAndTwilioWithThisMachinesCredentialKey() throws IOException {
        Path jar = checkout.resolve("messaging-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        ProcessSpec messaging = components.services().stream().filter(c -> c.name().equals("messaging-service"))
                .findFirst().orElseThrow().spec().get();

        assertThat(messaging.environment())
                .containsEntry("DOMINUS_MESSAGING_PUBLIC_URL", "http://127.0.0.1:18505")
                .containsEntry("DOMINUS_META_BASE_URL", "http://127.0.0.1:18597")
                .containsEntry("DOMINUS_TWILIO_BASE_URL", "http://127.0.0.1:18597")
                // The simulator (as Evolution server) and GreenMail listen on 127.0.0.1.
                .containsEntry("DOMINUS_MESSAGING_ALLOW_PRIVATE_HOSTS", "true")
                .containsEntry("DOMINUS_MESSAGING_KEYS",
                        LocalSecrets.of(new StackHome(checkout).stateDir()).messagingCredentialKeys());
        String keys = messaging.environment().get("DOMINUS_MESSAGING_KEYS");
        assertThat(keys).startsWith("local:");
        assertThat(Base64.getDecoder().decode(keys.substring("local:".length()))).hasSize(32);
    }

    @Test
    void theGatewayAsksThisStacksDirectoryFirstThenTheSimulator() throws IOException {
        Path jar = checkout.resolve("cnaes-gateway/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        ProcessSpec gateway = components.services().stream().filter(c -> c.name().equals("cnaes-gateway"))
                .findFirst().orElseThrow().spec().get();

        assertThat(gateway.environment())
                .containsEntry("DOMINUS_GATEWAY_LOCAL_URL", "http://127.0.0.1:18506/v1")
                .containsEntry("DOMINUS_GATEWAY_REMOTE_URL", "http://127.0.0.1:18595/v1")
                .containsEntry("DOMINUS_GATEWAY_REMOTE_API_KEYS", "local-api-cnaes-key");
    }
}
