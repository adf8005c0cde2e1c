package com.dominusleads.leads.domain;

import com.dominusleads.events.Topics;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.LeadStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A lead's billing state as the ledger reports it, in the consumer's transaction. A lead is only ever looked up
 * within the event's tenant. An event naming no lead of that tenant changes nothing: it is logged, not retried, since
 * the lead cannot appear later (it is committed before its lead.qualified event is published).
 */
@ApplicationScoped
public class LeadBilling {

    private static final Logger LOG = Logger.getLogger(LeadBilling.class);

    private final LeadStore leads;
    private final CompanyEvents timeline;

    public LeadBilling(LeadStore leads, CompanyEvents timeline) {
        this.leads = leads;
        this.timeline = timeline;
    }

    /** A lead the ledger charged: {@code credit.debited}. */
    public record Debited(String tenantId, String leadId, String debitId) {
    }

    /** {@code credit.debited}, a batch at a time: each lead is paid for, whatever the ledger said before. */
    public Uni<Void> debited(SqlClient tx, List<Debited> debits) {
        List<LeadStore.Charge> charges = new ArrayList<>(debits.size());
        for (Debited debit : debits) {
            leadIdOf(debit.tenantId(), debit.leadId(), Topics.CREDIT_DEBITED)
                    .ifPresent(id -> charges.add(new LeadStore.Charge(debit.tenantId(), id, debit.debitId())));
        }
        if (charges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leads.markCharged(tx, charges).call(charged -> {
            if (charged.size() < charges.size()) {
                LOG.warnf("%d of %d %s events name a lead their tenant does not have; nothing changed for them",
                        charges.size() - charged.size(), charges.size(), Topics.CREDIT_DEBITED);
            }
            Map<String, List<CompanyEvents.Event>> byTenant = new LinkedHashMap<>();
            charged.forEach(lead -> byTenant.computeIfAbsent(lead.tenantId(), t -> new ArrayList<>())
                    .add(new CompanyEvents.Event(lead.cnpj(), "CHARGED", Map.of("debitId", lead.debitId()))));
            return Multi.createFrom().iterable(byTenant.entrySet())
                    .onItem().transformToUniAndConcatenate(tenant -> timeline.appendAll(tx, tenant.getKey(), null,
                            tenant.getValue()))
                    .collect().last();
        }).replaceWithVoid();
    }

    /** {@code credit.debit-rejected}: the lead is locked until credits arrive, unless it was charged meanwhile. */
    public Uni<Void> debitRejected(SqlClient tx, String tenantId, String leadId, String pendingDebitId) {
        Optional<UUID> id = leadIdOf(tenantId, leadId, Topics.CREDIT_DEBIT_REJECTED);
        if (id.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leads.markLocked(tx, tenantId, id.get(), pendingDebitId).call(locked -> {
            if (locked.isEmpty()) {
                LOG.infof("%s for lead '%s' of tenant %s changed nothing: no such lead, or it is already charged",
                        Topics.CREDIT_DEBIT_REJECTED, leadId, tenantId);
                return Uni.createFrom().voidItem();
            }
            return timeline.append(tx, tenantId, null, locked.get(), "LOCKED", Map.of("pendingDebitId", pendingDebitId));
        }).replaceWithVoid();
    }

    private static Optional<UUID> leadIdOf(String tenantId, String leadId, String topic) {
        try {
            return Optional.of(UUID.fromString(leadId));
        } catch (IllegalArgumentException notAUuid) {
            warnUnknown(tenantId, leadId, topic);
            return Optional.empty();
        }
    }

    private static void warnUnknown(String tenantId, String leadId, String topic) {
        LOG.warnf("%s names lead '%s', which tenant %s does not have; nothing changed", topic, leadId, tenantId);
    }
}
