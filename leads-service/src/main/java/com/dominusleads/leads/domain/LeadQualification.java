package com.dominusleads.leads.domain;

import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.LeadStore;
import com.dominusleads.leads.persistence.PipelineStore;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a company becomes a tenant's lead. Runs in the caller's transaction: the lead and its {@code lead.qualified}
 * event (which makes the ledger debit one credit) commit together or not at all. A company is a tenant's lead at most
 * once, so qualifying it again, e.g. a request retried after a crash, returns the lead and publishes nothing.
 */
@ApplicationScoped
public class LeadQualification {

    private final LeadStore leads;
    private final PipelineStore pipelines;
    private final CompanyEvents timeline;
    private final OutboxWriter outbox;

    public LeadQualification(LeadStore leads, PipelineStore pipelines, CompanyEvents timeline, OutboxWriter outbox) {
        this.leads = leads;
        this.pipelines = pipelines;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    public Uni<QualificationResult> qualify(SqlClient tx, Qualification qualification) {
        return qualifyAll(tx, qualification.tenantId(), List.of(qualification)).map(results -> results.get(0));
    }

    /**
     * Qualifies companies for one tenant in one go (two statements and one outbox write, whatever their number);
     * the results follow the given order. A company named twice is created by its first mention.
     */
    public Uni<List<QualificationResult>> qualifyAll(SqlClient tx, String tenantId, List<Qualification> qualifications) {
        if (qualifications.stream().anyMatch(qualification -> !qualification.tenantId().equals(tenantId))) {
            throw new IllegalArgumentException("a batch of qualifications belongs to one tenant, " + tenantId);
        }
        return pipelines.defaultOf(tx, tenantId)
                .chain(pipeline -> leads.insertAll(tx, tenantId, qualifications, pipeline)).chain(created -> {
            Set<String> createdCompanies = new HashSet<>();
            created.forEach(lead -> createdCompanies.add(lead.cnpj()));
            List<String> others = qualifications.stream().map(qualification -> qualification.cnpj().value())
                    .filter(cnpj -> !createdCompanies.contains(cnpj)).distinct().toList();
            Uni<List<Lead>> existing = others.isEmpty() ? Uni.createFrom().item(List.of())
                    : leads.findByCompanies(tx, tenantId, others);
            return existing.chain(found -> {
                Map<String, Lead> byCompany = new HashMap<>();
                found.forEach(lead -> byCompany.put(lead.cnpj(), lead));
                created.forEach(lead -> byCompany.put(lead.cnpj(), lead));
                List<QualificationResult> results = qualifications.stream().map(qualification -> {
                    String cnpj = qualification.cnpj().value();
                    // Created by its first mention only: a second mention in the batch finds it existing.
                    return new QualificationResult(byCompany.get(cnpj), createdCompanies.remove(cnpj));
                }).toList();
                return timeline.appendAll(tx, tenantId, null, created.stream().map(lead -> new CompanyEvents.Event(
                                lead.cnpj(), "QUALIFIED", Map.of("leadId", lead.id().toString(), "score", lead.score(),
                                        "qualificationRunId", lead.qualificationRunId()))).toList())
                        .chain(() -> outbox.appendAll(tx, created.stream().map(LeadQualification::qualified).toList()))
                        .replaceWith(results);
            });
        });
    }

    private static LeadQualified qualified(Lead lead) {
        return LeadQualified.newBuilder()
                .setTenantId(lead.tenantId()).setLeadId(lead.id().toString()).setCnpj(lead.cnpj())
                .setQualificationRunId(lead.qualificationRunId()).setConversationId(lead.conversationId())
                .setScore(lead.score()).setOccurredAt(lead.qualifiedAt().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
