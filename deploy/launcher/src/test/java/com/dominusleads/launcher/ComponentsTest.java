package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.ProcessSpec;
import com.dominusleads.stack.StackHome;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
