package com.dominusleads.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.events.EventHeaders;
import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventReader;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.TestEvents;
import com.dominusleads.testsupport.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The plumbing under every event: a row committed to the ledger's outbox reaches its topic through real Debezium
 * on Kafka Connect (exactly-once source), with its headers, and a partner reads it back as the generated class.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxToKafkaTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    OutboxWriter outbox;

    @Test
    @Order(1)
    void rowCommittedBeforeTheConnectorExistsIsStillPublished() {
        // The service's migration created the replication slot before any write, so no row can slip past Debezium,
        // even one committed while no connector runs (other test classes of this JVM may have registered it).
        TestStack.stopStreaming("ledger");
        CreditDebited early = creditDebited("tenant-" + UUID.randomUUID());
        pool.withTransaction(tx -> outbox.append(tx, early)).await().atMost(Duration.ofSeconds(30));

        TestStack.streamOutbox("ledger");

        try (EventReader reader = new EventReader(Topics.CREDIT_DEBITED)) {
            assertThat(reader.await(r -> early.getTenantId().equals(r.key()), 1, DELIVERY))
                    .extracting(ConsumerRecord::value).containsExactly(early);
        }
    }

    @Test
    @Order(2)
    void committedOutboxRowArrivesOnItsTopicWithHeadersAsTheGeneratedClass() {
        TestStack.streamOutbox("ledger");
        CreditDebited event = creditDebited("tenant-" + UUID.randomUUID());

        UUID id = pool.withTransaction(tx -> outbox.append(tx, event)).await().atMost(Duration.ofSeconds(30));

        try (EventReader reader = new EventReader(Topics.CREDIT_DEBITED)) {
            List<ConsumerRecord<String, Object>> records =
                    reader.await(r -> event.getTenantId().equals(r.key()), 1, DELIVERY);
            assertThat(records).hasSize(1);
            ConsumerRecord<String, Object> record = records.get(0);
            assertThat(header(record, EventHeaders.ID)).isEqualTo(id.toString());
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo(Topics.CREDIT_DEBITED);
            assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(event.getTenantId());
            assertThat(record.value()).isInstanceOf(CreditDebited.class).isEqualTo(event);
        }
    }

    @Test
    @Order(3)
    void outboxRowOfARolledBackTransactionIsNeverPublished() {
        TestStack.streamOutbox("ledger");
        String tenant = "tenant-" + UUID.randomUUID();
        CreditDebited rolledBack = creditDebited(tenant);
        CreditDebited committed = creditDebited(tenant);

        assertThatThrownBy(() -> pool.withTransaction(tx -> outbox.append(tx, rolledBack)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule failed"))))
                .await().atMost(Duration.ofSeconds(30)))
                .hasMessageContaining("business rule failed");
        pool.withTransaction(tx -> outbox.append(tx, committed)).await().atMost(Duration.ofSeconds(30));

        try (EventReader reader = new EventReader(Topics.CREDIT_DEBITED)) {
            // The committed event was written after the rolled-back one: once it is here, the other would be too.
            // Same key, same partition: had the rolled-back event been published, it would come first.
            List<ConsumerRecord<String, Object>> records = reader.await(r -> tenant.equals(r.key()), 1, DELIVERY);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly(committed);
        }
    }

    private static CreditDebited creditDebited(String tenantId) {
        return TestEvents.creditDebited(tenantId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private static String header(ConsumerRecord<String, Object> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
