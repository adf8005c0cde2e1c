package com.dominusleads.ledger;

import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.ledger.domain.Grant;
import com.dominusleads.ledger.domain.GrantResult;
import com.dominusleads.ledger.domain.QualifiedLead;
import com.dominusleads.testsupport.ServiceDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events, ledger operations and read-backs the ledger's tests share, read straight from its tables. */
public final class LedgerFixture {

    private final ServiceDatabase database;
    private final CreditLedger ledger;

    public LedgerFixture(Pool pool, CreditLedger ledger) {
        this.database = new ServiceDatabase(pool);
        this.ledger = ledger;
    }

    /** Grants credits directly (as the REST endpoint and the credit.granted consumer do). */
    public GrantResult grant(String tenantId, long credits) {
        return database.inTenant(tenantId, tx -> ledger.grant(tx, new Grant(tenantId, "grant-" + UUID.randomUUID(),
                credits, "PURCHASE", null, "test")));
    }

    /** Debits a qualified lead directly (as the lead.qualified consumer does). */
    public void debit(String tenantId, String leadId) {
        database.inTenant(tenantId, tx -> ledger.debitQualifiedLeads(tx, tenantId,
                List.of(new QualifiedLead(leadId, UUID.randomUUID())), "test"));
    }

    public long count(String sql, Object... args) {
        return database.count(sql, args);
    }

    public long balance(String tenantId) {
        return count("select coalesce((select balance from account where tenant_id = $1), 0)", tenantId);
    }

    public long debits(String tenantId, String status) {
        return count("select count(*) from debit where tenant_id = $1 and status = $2", tenantId, status);
    }

    public long debitMovements(String tenantId) {
        return count("select count(*) from movement where tenant_id = $1 and kind = 'DEBIT'", tenantId);
    }

    public String debitIdOf(String tenantId, String leadId) {
        return database.query("select id from debit where tenant_id = $1 and lead_id = $2", tenantId, leadId)
                .iterator().next().getUUID(0).toString();
    }

    /** Lead ids in the order their debits were charged. */
    public List<String> chargeOrder(String tenantId) {
        List<String> leads = new ArrayList<>();
        for (Row row : database.query("select lead_id from debit where tenant_id = $1 and status = 'CHARGED'"
                + " order by (select min(e.id) from entry e where e.movement_id = debit.movement_id)", tenantId)) {
            leads.add(row.getString(0));
        }
        return leads;
    }
}
