package com.dominusleads.ledger.messaging;

import static com.dominusleads.testsupport.TestEvents.creditGranted;
import static com.dominusleads.testsupport.TestEvents.leadQualified;
import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.ledger.LedgerFixture;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.persistence.ConsistencyQuery;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.EventReader;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger as Kafka drives it, on real PostgreSQL, Kafka, Apicurio and Debezium: lead.qualified → one debit per
 * lead whatever is redelivered, pending debits when credits run out, settled oldest first by credit.granted, and the
 * events of each outcome published through the outbox.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class LedgerConsumersTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    EventPayloadEncoder encoder;

    @Inject
    ConsistencyQuery consistency;

    @Inject
    CreditLedger creditLedger;

    private LedgerFixture ledger;
    private EventProducer producer;

    @BeforeEach
    void connect() {
        ledger = new LedgerFixture(pool, creditLedger);
        producer = new EventProducer();
    }

    @AfterEach
    void disconnect() {
        producer.close();
        assertThat(consistency.run().await().atMost(Duration.ofSeconds(30)).violations()).isEmpty();
    }

    @Test
    void theSameEventDeliveredThreeTimesChargesOneCredit() {
        String tenant = newTenant();
        grant(tenant, 5);
        UUID eventId = UUID.randomUUID();
        byte[] qualified = encoder.encode(leadQualified(tenant, "lead-1"));

        for (int i = 0; i < 3; i++) {
            producer.send(Topics.LEAD_QUALIFIED, tenant, qualified, eventId);
        }
        // A later event of the same tenant (same partition) applied means the three copies before it were too.
        qualify(tenant, "lead-2");
        await().atMost(APPLIED).until(() -> ledger.debits(tenant, "CHARGED") == 2);

        assertThat(ledger.debitMovements(tenant)).isEqualTo(2);
        assertThat(ledger.balance(tenant)).isEqualTo(3);
    }

    @Test
    void aLeadQualifiedAgainUnderANewEventIdIsNotChargedAgain() {
        String tenant = newTenant();
        grant(tenant, 5);

        qualify(tenant, "lead-1");
        qualify(tenant, "lead-1");
        producer.send(Topics.LEAD_QUALIFIED, tenant, encoder.encode(leadQualified(tenant, "lead-1")), null);
        qualify(tenant, "lead-2");
        await().atMost(APPLIED).until(() -> ledger.debits(tenant, "CHARGED") == 2);

        assertThat(ledger.debitMovements(tenant)).isEqualTo(2);
        assertThat(ledger.balance(tenant)).isEqualTo(3);
    }

    @Test
    void leadsBeyondTheBalanceWaitAndAGrantPaysThemOldestFirst() {
        TestStack.streamOutbox("ledger");
        String tenant = newTenant();
        // Funded before any lead: credit.granted and lead.qualified are separate topics, with no order between them.
        ledger.grant(tenant, 1);
        List<String> leads = List.of("lead-a", "lead-b", "lead-c", "lead-d");
        leads.forEach(lead -> qualify(tenant, lead));
        await().atMost(APPLIED).until(() -> ledger.debits(tenant, "PENDING") == 3);
        assertThat(ledger.debits(tenant, "CHARGED")).isEqualTo(1);
        assertThat(ledger.balance(tenant)).isZero();

        grant(tenant, 2);
        await().atMost(APPLIED).until(() -> ledger.debits(tenant, "CHARGED") == 3);
        assertThat(ledger.chargeOrder(tenant)).containsExactly("lead-a", "lead-b", "lead-c");
        assertThat(ledger.debits(tenant, "PENDING")).isEqualTo(1);
        assertThat(ledger.balance(tenant)).isZero();

        try (EventReader rejected = new EventReader(Topics.CREDIT_DEBIT_REJECTED);
             EventReader debited = new EventReader(Topics.CREDIT_DEBITED)) {
            assertThat(rejected.await(r -> tenant.equals(r.key()), 3, APPLIED))
                    .extracting(r -> ((CreditDebitRejected) r.value()).getLeadId())
                    .containsExactly("lead-b", "lead-c", "lead-d");
            List<ConsumerRecord<String, Object>> charged = debited.await(r -> tenant.equals(r.key()), 3, APPLIED);
            assertThat(charged).extracting(r -> ((CreditDebited) r.value()).getLeadId())
                    .containsExactly("lead-a", "lead-b", "lead-c");
            assertThat(charged).extracting(r -> ((CreditDebited) r.value()).getBalanceAfter())
                    .containsExactly(0L, 1L, 0L);
        }
    }

    @Test
    void aGrantRedeliveredUnderANewEventIdIsAppliedOnce() {
        String tenant = newTenant();
        byte[] granted = encoder.encode(creditGranted(tenant, "stripe-pi-1", 7));
        producer.send(Topics.CREDIT_GRANTED, tenant, granted, UUID.randomUUID());
        producer.send(Topics.CREDIT_GRANTED, tenant, granted, UUID.randomUUID());
        grant(tenant, 1);

        await().atMost(APPLIED).until(() -> ledger.balance(tenant) == 8);
        assertThat(ledger.count("select count(*) from movement where tenant_id = $1 and kind = 'GRANT'", tenant))
                .isEqualTo(2);
    }

    @Test
    void undecodableAndInvalidRecordsAreQuarantinedAndTheNextEventsStillApply() {
        String tenant = newTenant();
        grant(tenant, 2);
        UUID garbage = UUID.randomUUID();
        UUID zeroGrant = UUID.randomUUID();
        producer.send(Topics.LEAD_QUALIFIED, tenant, "not avro".getBytes(StandardCharsets.UTF_8), garbage);
        producer.send(Topics.CREDIT_GRANTED, tenant, encoder.encode(creditGranted(tenant, "zero", 0)), zeroGrant);
        qualify(tenant, "lead-after-garbage");
        grant(tenant, 3);

        await().atMost(APPLIED).until(() -> ledger.debits(tenant, "CHARGED") == 1 && ledger.balance(tenant) == 4);
        assertThat(ledger.count("select count(*) from quarantined_event where event_id in ($1, $2)", garbage, zeroGrant))
                .isEqualTo(2);
        assertThat(ledger.count("select count(*) from quarantined_event where event_id = $1 and reason like '%at least one credit%'",
                zeroGrant)).isEqualTo(1);
    }

    private void qualify(String tenant, String leadId) {
        producer.send(Topics.LEAD_QUALIFIED, tenant, encoder.encode(leadQualified(tenant, leadId)), UUID.randomUUID());
    }

    private void grant(String tenant, long credits) {
        producer.send(Topics.CREDIT_GRANTED, tenant,
                encoder.encode(creditGranted(tenant, "grant-" + UUID.randomUUID(), credits)), UUID.randomUUID());
    }
}
