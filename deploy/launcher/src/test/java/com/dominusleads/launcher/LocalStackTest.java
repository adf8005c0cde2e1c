package com.dominusleads.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.stack.StackHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private final LocalStack stack = new LocalStack(new StackHome(Path.of("/checkout")));

    @Test
    void everyComponentHasItsOwnPort() {
        List<Integer> ports = new ArrayList<>(List.of(stack.postgresPort(), stack.kafkaPort(), stack.kafkaControllerPort(),
                stack.connectPort(), stack.registryPort(), stack.registryManagementPort(), stack.keycloakPort(),
                stack.keycloakManagementPort()));
        stack.services().forEach(service -> ports.add(service.port()));

        assertThat(new HashSet<>(ports)).hasSameSizeAs(ports);
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
