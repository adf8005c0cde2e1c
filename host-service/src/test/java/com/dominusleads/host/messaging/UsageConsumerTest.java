package com.dominusleads.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.events.Topics;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.host.BillingFixture;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.host.StripeSimulatorTestResource;
import com.dominusleads.host.WithoutKeycloakTestResource;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * credit.debited from Kafka (real broker, Apicurio-encoded records) → daily usage: every event counted once whatever
 * is redelivered, on the São Paulo day it happened, and a record that cannot be read is quarantined, not fatal.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(StripeSimulatorTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
@WithTestResource(WithoutKeycloakTestResource.class)
class UsageConsumerTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    EventPayloadEncoder encoder;

    private BillingFixture fixture;
    private EventProducer producer;

    @BeforeEach
    void connect() {
        fixture = new BillingFixture(pool);
        producer = new EventProducer();
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void eachDebitCountsOnceOnItsSaoPauloDay() {
        String tenant = BillingFixture.unique("t");
        // 02:30 UTC on 1 March is 23:30 on 28 February in São Paulo.
        UUID lateEvening = debit(tenant, Instant.parse("2026-03-01T02:30:00Z"), UUID.randomUUID());
        UUID morning = UUID.randomUUID();
        debit(tenant, Instant.parse("2026-03-01T12:00:00Z"), morning);
        debit(tenant, Instant.parse("2026-03-01T12:00:00Z"), morning);   // redelivered
        UUID last = debit(tenant, Instant.parse("2026-03-01T18:00:00Z"), UUID.randomUUID());

        // Same tenant, same partition: once the last event is applied, the ones before it were too.
        await().atMost(APPLIED).until(() -> fixture.database().processed(last));
        assertThat(fixture.database().processed(lateEvening)).isTrue();
        assertThat(usage(tenant, LocalDate.parse("2026-02-28"))).isEqualTo(1);
        assertThat(usage(tenant, LocalDate.parse("2026-03-01"))).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordIsQuarantinedAndTheNextDebitsStillCount() {
        String tenant = BillingFixture.unique("t");
        UUID garbage = UUID.randomUUID();
        producer.send(Topics.CREDIT_DEBITED, tenant, "not avro".getBytes(StandardCharsets.UTF_8), garbage);
        UUID after = debit(tenant, Instant.parse("2026-04-10T15:00:00Z"), UUID.randomUUID());

        await().atMost(APPLIED).until(() -> fixture.database().processed(after));
        assertThat(fixture.count("select count(*) from quarantined_event where event_id = $1", garbage)).isEqualTo(1);
        assertThat(usage(tenant, LocalDate.parse("2026-04-10"))).isEqualTo(1);
    }

    private UUID debit(String tenant, Instant at, UUID eventId) {
        CreditDebited debited = CreditDebited.newBuilder().setTenantId(tenant).setDebitId(UUID.randomUUID().toString())
                .setLeadId(UUID.randomUUID().toString()).setCredits(1).setBalanceAfter(0).setOccurredAt(at).build();
        producer.send(Topics.CREDIT_DEBITED, tenant, encoder.encode(debited), eventId);
        return eventId;
    }

    private long usage(String tenant, LocalDate day) {
        return fixture.count("select coalesce(sum(credits), 0) from usage_daily where tenant_id = $1 and day = $2",
                tenant, day);
    }
}
