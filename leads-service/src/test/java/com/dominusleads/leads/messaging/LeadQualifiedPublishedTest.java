package com.dominusleads.leads.messaging;

import static com.dominusleads.leads.LeadsFixture.CNPJ;
import static com.dominusleads.leads.LeadsFixture.OTHER_CNPJ;
import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.EventHeaders;
import com.dominusleads.events.Topics;
import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.testsupport.ApicurioTestResource;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the ledger receives when a tenant qualifies a company: one lead.qualified per lead, through the outbox and
 * real Debezium, keyed and headed by the tenant, whatever the number of times the company was qualified.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class LeadQualifiedPublishedTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    @Test
    void eachLeadIsPublishedOnceOnLeadQualifiedUnderItsTenant() {
        TestStack.streamOutbox("leads");
        LeadsFixture leads = new LeadsFixture(pool, qualification);
        String tenant = newTenant();

        Lead first = leads.qualify(tenant, CNPJ);
        leads.qualify(tenant, CNPJ);
        Lead second = leads.qualify(tenant, OTHER_CNPJ);

        try (EventReader reader = new EventReader(Topics.LEAD_QUALIFIED)) {
            // Same tenant, same partition: a second event for the first lead would arrive before the second lead's.
            List<ConsumerRecord<String, Object>> records = reader.await(r -> tenant.equals(r.key()), 2, DELIVERY);
            assertThat(records).extracting(r -> ((LeadQualified) r.value()).getLeadId())
                    .containsExactly(first.id().toString(), second.id().toString());
            assertThat(records).allSatisfy(r -> assertThat(new String(
                    r.headers().lastHeader(EventHeaders.TENANT_ID).value(), StandardCharsets.UTF_8)).isEqualTo(tenant));
            LeadQualified published = (LeadQualified) records.get(0).value();
            assertThat(published.getTenantId()).isEqualTo(tenant);
            assertThat(published.getCnpj()).isEqualTo(CNPJ);
            assertThat(published.getQualificationRunId()).isEqualTo(first.qualificationRunId());
            assertThat(published.getScore()).isEqualTo(first.score());
            assertThat(published.getOccurredAt()).isEqualTo(first.qualifiedAt().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
