package com.dominusleads.host.messaging;

import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.host.domain.InvoiceCredits;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code credit.granted}, written to the outbox in the transaction that records the paid invoice: the ledger adds the
 * credits (once per grant id) and settles the tenant's pending debits.
 */
@ApplicationScoped
public class CreditGrants {

    private final OutboxWriter outbox;

    public CreditGrants(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> granted(SqlClient tx, String tenantId, List<InvoiceCredits.Grant> grants) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return outbox.appendAll(tx, grants.stream().map(grant -> CreditGranted.newBuilder()
                .setTenantId(tenantId)
                .setGrantId(grant.grantId())
                .setCredits(grant.credits())
                .setReason(grant.reason())
                .setReference(grant.reference())
                .setOccurredAt(now)
                .build()).toList()).replaceWithVoid();
    }
}
