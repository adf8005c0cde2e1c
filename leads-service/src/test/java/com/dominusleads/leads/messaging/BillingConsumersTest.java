package com.dominusleads.leads.messaging;

import static com.dominusleads.leads.LeadsFixture.CNPJ;
import static com.dominusleads.leads.LeadsFixture.OTHER_CNPJ;
import static com.dominusleads.testsupport.TestEvents.creditDebitRejected;
import static com.dominusleads.testsupport.TestEvents.creditDebited;
import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.events.Topics;
import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.LeadsFixture.Billing;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadQualification;
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
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lead's billing state as the ledger's events set it, on real PostgreSQL, Kafka and Apicurio: charged by
 * credit.debited, locked by credit.debit-rejected until credits arrive, never un-charged by a late rejection, each
 * event applied once however often it is delivered, and an event about a lead the tenant does not have ignored.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class BillingConsumersTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    @Inject
    EventPayloadEncoder encoder;

    private LeadsFixture leads;
    private EventProducer producer;

    @BeforeEach
    void connect() {
        leads = new LeadsFixture(pool, qualification);
        producer = new EventProducer();
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aDebitChargesTheLead() {
        String tenant = newTenant();
        Lead lead = leads.qualify(tenant, CNPJ);

        debit(tenant, lead.id().toString(), "debit-1");

        await().atMost(APPLIED).until(() -> "CHARGED".equals(leads.billing(lead.id()).state()));
        Billing billing = leads.billing(lead.id());
        assertThat(billing.debitId()).isEqualTo("debit-1");
        assertThat(billing.updatedAt()).isNotNull();
    }

    @Test
    void aLockedLeadIsChargedWhenCreditsArrive() {
        String tenant = newTenant();
        Lead lead = leads.qualify(tenant, CNPJ);

        reject(tenant, lead.id().toString(), "debit-1");
        await().atMost(APPLIED).until(() -> "LOCKED".equals(leads.billing(lead.id()).state()));
        assertThat(leads.billing(lead.id()).debitId()).isEqualTo("debit-1");

        debit(tenant, lead.id().toString(), "debit-1");
        await().atMost(APPLIED).until(() -> "CHARGED".equals(leads.billing(lead.id()).state()));
    }

    @Test
    void aRejectionArrivingAfterTheChargeLeavesTheLeadCharged() {
        String tenant = newTenant();
        Lead lead = leads.qualify(tenant, CNPJ);
        debit(tenant, lead.id().toString(), "debit-1");
        await().atMost(APPLIED).until(() -> "CHARGED".equals(leads.billing(lead.id()).state()));

        UUID lateRejection = reject(tenant, lead.id().toString(), "debit-1");

        await().atMost(APPLIED).until(() -> leads.processed(lateRejection));
        assertThat(leads.billing(lead.id()).state()).isEqualTo("CHARGED");
    }

    @Test
    void theSameEventDeliveredThreeTimesIsAppliedOnce() {
        String tenant = newTenant();
        Lead lead = leads.qualify(tenant, CNPJ);
        Lead next = leads.qualify(tenant, OTHER_CNPJ);
        UUID eventId = UUID.randomUUID();
        byte[] debited = encoder.encode(creditDebited(tenant, lead.id().toString(), "debit-1"));
        producer.send(Topics.CREDIT_DEBITED, tenant, debited, eventId);
        await().atMost(APPLIED).until(() -> "CHARGED".equals(leads.billing(lead.id()).state()));
        Billing applied = leads.billing(lead.id());

        producer.send(Topics.CREDIT_DEBITED, tenant, debited, eventId);
        producer.send(Topics.CREDIT_DEBITED, tenant, debited, eventId);
        // A later event of the same tenant (same partition) applied means the two copies before it were handled.
        debit(tenant, next.id().toString(), "debit-2");
        await().atMost(APPLIED).until(() -> "CHARGED".equals(leads.billing(next.id()).state()));

        // Applying a copy again would have stamped the lead anew.
        assertThat(leads.billing(lead.id())).isEqualTo(applied);
    }

    @Test
    void anEventForALeadTheTenantDoesNotHaveChangesNothing() {
        String tenant = newTenant();
        Lead lead = leads.qualify(tenant, CNPJ);
        UUID unknownLead = UUID.randomUUID();

        UUID[] events = {
                debit(newTenant(), lead.id().toString(), "debit-of-another-tenant"),
                debit(tenant, unknownLead.toString(), "debit-1"),
                reject(tenant, unknownLead.toString(), "debit-2"),
                reject(tenant, "not-a-lead-id", "debit-3")};

        for (UUID event : events) {
            await().atMost(APPLIED).until(() -> leads.processed(event));
        }
        assertThat(leads.billing(lead.id())).isEqualTo(new Billing("AWAITING_CHARGE", null, null));
        assertThat(leads.count("select count(*) from lead where id = $1", unknownLead)).isZero();
        assertThat(leads.count("select count(*) from quarantined_event where event_id = any($1)", (Object) events))
                .isZero();
    }

    private UUID debit(String tenant, String leadId, String debitId) {
        return send(Topics.CREDIT_DEBITED, tenant, creditDebited(tenant, leadId, debitId));
    }

    private UUID reject(String tenant, String leadId, String pendingDebitId) {
        return send(Topics.CREDIT_DEBIT_REJECTED, tenant, creditDebitRejected(tenant, leadId, pendingDebitId));
    }

    private UUID send(String topic, String tenant, SpecificRecord event) {
        UUID id = UUID.randomUUID();
        producer.send(topic, tenant, encoder.encode(event), id);
        return id;
    }
}
