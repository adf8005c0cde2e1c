package com.dominusleads.ledger.messaging;

import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.ledger.LedgerFixture;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.domain.QualifiedLead;
import com.dominusleads.servicekit.messaging.EventHandler;
import com.dominusleads.servicekit.messaging.IdempotentConsumer;
import com.dominusleads.servicekit.messaging.IncomingEvent;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared idempotent consumer on the ledger's database: a batch whose one event always fails is narrowed down,
 * so the good events are applied and the bad one is quarantined with its error, never retried forever.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class IdempotentConsumerTest {

    @Inject
    Pool pool;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CreditLedger ledger;

    @Test
    void anEventThatCanNeverBeAppliedIsQuarantinedAndTheRestOfItsBatchIsApplied() {
        String tenant = newTenant();
        LedgerFixture fixture = new LedgerFixture(pool, ledger);
        fixture.grant(tenant, 5);
        List<IncomingEvent<String>> batch = List.of(event("lead-1"), event("poison"), event("lead-2"));
        EventHandler<String> handler = EventHandler.eachInOrder((tx, event) -> event.payload().equals("poison")
                ? Uni.createFrom().failure(new IllegalStateException("a rule this event breaks"))
                : ledger.debitQualifiedLeads(tx, tenant, List.of(new QualifiedLead(event.payload(), event.id())), "test"));

        consumer.consume(batch, handler).await().atMost(Duration.ofSeconds(60));
        consumer.consume(batch, handler).await().atMost(Duration.ofSeconds(60));  // redelivered: changes nothing

        assertThat(fixture.debits(tenant, "CHARGED")).isEqualTo(2);
        assertThat(fixture.balance(tenant)).isEqualTo(3);
        assertThat(fixture.count("select count(*) from quarantined_event where event_id = $1"
                + " and reason like '%a rule this event breaks%'", batch.get(1).id())).isEqualTo(1);
        assertThat(fixture.count("select count(*) from processed_event where event_id = any($1)",
                (Object) batch.stream().map(IncomingEvent::id).toArray(UUID[]::new))).isEqualTo(3);
    }

    private static IncomingEvent<String> event(String payload) {
        return new IncomingEvent<>(UUID.randomUUID(), "test.events", 0, 0, payload);
    }
}
