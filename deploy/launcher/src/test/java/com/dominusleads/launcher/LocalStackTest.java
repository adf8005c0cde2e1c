package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.stack.StackHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private static final StackHome HOME = new StackHome(Path.of("/checkout"));
    private final LocalStack stack = new LocalStack(HOME, 0);

    @Test
    void everyComponentHasItsOwnPort() {
        List<Integer> ports = ports(stack);

        assertThat(new HashSet<>(ports)).hasSameSizeAs(ports);
    }

    @Test
    void stacksShiftedByWholeHundredsNeverShareAPort() {
        for (int a = 0; a <= 9000; a += 100) {
            for (int b = a + 100; b <= 9000; b += 100) {
                assertThat(ports(new LocalStack(HOME, a))).as("offsets %d and %d", a, b)
                        .doesNotContainAnyElementsOf(ports(new LocalStack(HOME, b)));
            }
        }
    }

    @Test
    void anOffsetThatCouldCollideIsRefusedWithTheRule() {
        assertThatThrownBy(() -> new LocalStack(HOME, 10)).hasMessageContaining("multiple of 100");
        assertThatThrownBy(() -> new LocalStack(HOME, -100)).hasMessageContaining("multiple of 100");
    }

    private static List<Integer> ports(LocalStack stack) {
        List<Integer> ports = new ArrayList<>(List.of(stack.postgresPort(), stack.kafkaPort(), stack.kafkaControllerPort(),
                stack.connectPort(), stack.registryPort(), stack.registryManagementPort(), stack.keycloakPort(),
                stack.keycloakManagementPort(), stack.mailSmtpPort(), stack.mailImapPort(), stack.mailApiPort(),
                stack.apiCnaesSimulatorPort(), stack.stripeSimulatorPort(), stack.providerSimulatorPort()));
        stack.services().forEach(service -> ports.add(service.port()));
        return ports;
    }

    @Test
    void everyServiceOwnsADistinctDatabaseAndOnlyTheGatewayHasNoOutbox() {
        assertThat(stack.services()).extracting(LocalStack.Service::database).doesNotHaveDuplicates()
                .allMatch(db -> db.matches("[a-z][a-z0-9_]*"));
        assertThat(stack.services()).filteredOn(service -> !service.outbox())
                .extracting(LocalStack.Service::module).containsExactly("cnaes-gateway");
        assertThat(stack.services()).extracting(LocalStack.Service::module).containsExactly("host-service",
                "tenant-service", "leads-service", "ledger-service", "messaging-service", "ingestion-service",
                "cnaes-gateway");
    }
}
