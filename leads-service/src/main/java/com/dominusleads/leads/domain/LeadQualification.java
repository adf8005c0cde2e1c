package com.dominusleads.leads.domain;

import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.leads.persistence.LeadStore;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;

/**
 * Where a company becomes a tenant's lead. Runs in the caller's transaction: the lead and its {@code lead.qualified}
 * event (which makes the ledger debit one credit) commit together or not at all. A company is a tenant's lead at most
 * once, so qualifying it again, e.g. a request retried after a crash, returns the lead and publishes nothing.
 */
@ApplicationScoped
public class LeadQualification {

    private final LeadStore leads;
    private final OutboxWriter outbox;

    public LeadQualification(LeadStore leads, OutboxWriter outbox) {
        this.leads = leads;
        this.outbox = outbox;
    }

    public Uni<QualificationResult> qualify(SqlClient tx, Qualification qualification) {
        return leads.insert(tx, qualification).chain(inserted -> {
            if (inserted.isEmpty()) {
                return leads.findByCompany(tx, qualification.tenantId(), qualification.cnpj().value())
                        .map(existing -> new QualificationResult(existing.orElseThrow(), false));
            }
            Lead lead = inserted.get();
            return outbox.append(tx, LeadQualified.newBuilder()
                            .setTenantId(lead.tenantId()).setLeadId(lead.id().toString()).setCnpj(lead.cnpj())
                            .setQualificationRunId(lead.qualificationRunId()).setConversationId(lead.conversationId())
                            .setScore(lead.score()).setOccurredAt(lead.qualifiedAt().truncatedTo(ChronoUnit.MILLIS))
                            .build())
                    .replaceWith(new QualificationResult(lead, true));
        });
    }
}
