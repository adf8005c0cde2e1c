package com.dominusleads.servicekit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Topics;
import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.events.lead.LeadQualified;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The outbox row carries what the EventRouter turns into topic, key and headers. */
class OutboxEventTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @Test
    void aTenantEventIsRoutedToItsTopicKeyedAndHeadedByTenant() {
        LeadQualified event = LeadQualified.newBuilder().setTenantId("acme").setLeadId("lead-1")
                .setCnpj("33683111000280").setQualificationRunId("run-1").setScore(80).setOccurredAt(NOW).build();

        OutboxEvent row = OutboxEvent.of(event, new byte[] {0, 0, 0, 0, 7}, "00-trace-span-01", NOW);

        assertThat(row.eventType()).isEqualTo(Topics.LEAD_QUALIFIED);
        assertThat(row.messageKey()).isEqualTo("acme");
        assertThat(row.tenantId()).isEqualTo("acme");
        assertThat(row.traceparent()).isEqualTo("00-trace-span-01");
        assertThat(row.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void anEventOfNoTenantHasNoTenantHeaderAndItsOwnKey() {
        DirectoryReleaseIngested event = DirectoryReleaseIngested.newBuilder().setReleaseId("2026-11")
                .setEstablishments(1).setCompanies(1).setQuarantinedRows(0).setOccurredAt(NOW).build();

        OutboxEvent row = OutboxEvent.of(event, new byte[] {0}, null, NOW);

        assertThat(row.tenantId()).isNull();
        assertThat(row.messageKey()).isEqualTo("2026-11");
    }

    @Test
    void everyRowGetsItsOwnEventId() {
        DirectoryReleaseIngested event = DirectoryReleaseIngested.newBuilder().setReleaseId("2026-11")
                .setEstablishments(1).setCompanies(1).setQuarantinedRows(0).setOccurredAt(NOW).build();

        assertThat(OutboxEvent.of(event, new byte[] {0}, null, NOW).id())
                .isNotEqualTo(OutboxEvent.of(event, new byte[] {0}, null, NOW).id());
    }
}
