package com.dominusleads.leads.domain;

import com.dominusleads.events.Topics;
import com.dominusleads.leads.persistence.LeadStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
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

    public LeadBilling(LeadStore leads) {
        this.leads = leads;
    }

    /** {@code credit.debited}: the lead is paid for, whatever the ledger said before. */
    public Uni<Void> debited(SqlClient tx, String tenantId, String leadId, String debitId) {
        Optional<UUID> id = leadIdOf(tenantId, leadId, Topics.CREDIT_DEBITED);
        if (id.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leads.markCharged(tx, tenantId, id.get(), debitId).invoke(updated -> {
            if (!updated) {
                warnUnknown(tenantId, leadId, Topics.CREDIT_DEBITED);
            }
        }).replaceWithVoid();
    }

    /** {@code credit.debit-rejected}: the lead is locked until credits arrive, unless it was charged meanwhile. */
    public Uni<Void> debitRejected(SqlClient tx, String tenantId, String leadId, String pendingDebitId) {
        Optional<UUID> id = leadIdOf(tenantId, leadId, Topics.CREDIT_DEBIT_REJECTED);
        if (id.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leads.markLocked(tx, tenantId, id.get(), pendingDebitId).invoke(updated -> {
            if (!updated) {
                LOG.infof("%s for lead '%s' of tenant %s changed nothing: no such lead, or it is already charged",
                        Topics.CREDIT_DEBIT_REJECTED, leadId, tenantId);
            }
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
