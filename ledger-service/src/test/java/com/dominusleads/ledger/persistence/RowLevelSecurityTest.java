package com.dominusleads.ledger.persistence;

import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.ledger.LedgerFixture;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The second wall: whatever SQL the service runs, PostgreSQL shows and accepts only the rows of the tenant its
 * transaction is scoped to, because the service connects as a role row-level security applies to.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class RowLevelSecurityTest {

    private static final String EVERY_TENANT_ROW = """
            select (select count(*) from account where kind = 'TENANT') + (select count(*) from movement)
                 + (select count(*) from entry) + (select count(*) from debit)""";

    @Inject
    Pool pool;

    @Inject
    CreditLedger ledger;

    @Test
    void theServiceRunsAsARoleThePoliciesApplyTo() {
        var role = pool.query("select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user")
                .execute().await().atMost(ServiceDatabase.QUERY).iterator().next();
        assertThat(role.getString(0)).isEqualTo("ledger_app");
        assertThat(role.getBoolean(1)).isFalse();
        assertThat(role.getBoolean(2)).isFalse();
    }

    @Test
    void aQueryOutsideATenantScopeSeesNoTenantRowsAndAScopedOneOnlyItsOwn() {
        String acme = newTenant();
        String globex = newTenant();
        LedgerFixture fixture = new LedgerFixture(pool, ledger);
        fixture.grant(acme, 5);
        fixture.debit(acme, "lead-1");
        fixture.grant(globex, 7);
        ServiceDatabase database = new ServiceDatabase(pool);

        long unscoped = pool.query(EVERY_TENANT_ROW).execute().await().atMost(ServiceDatabase.QUERY)
                .iterator().next().getLong(0);
        assertThat(unscoped).isZero();

        long foreign = database.inTenant(acme, tx -> tx.preparedQuery("""
                        select count(*) from account a join entry e on e.account_id = a.id where a.tenant_id = $1""")
                .execute(Tuple.of(globex))).iterator().next().getLong(0);
        assertThat(foreign).isZero();

        long own = database.inTenant(acme, tx -> tx.query("select count(*) from entry where tenant_id <> '" + acme + "'")
                .execute()).iterator().next().getLong(0);
        assertThat(own).as("entries of other tenants visible to acme's transaction").isZero();
        assertThat(database.count("select count(*) from entry where tenant_id in ($1, $2)", acme, globex))
                .as("the same rows read across tenants").isEqualTo(6);
    }

    @Test
    void aTransactionScopedToOneTenantCannotWriteAnothersRows() {
        String acme = newTenant();
        String globex = newTenant();
        ServiceDatabase database = new ServiceDatabase(pool);

        assertThatThrownBy(() -> database.inTenant(acme, tx -> tx.preparedQuery("""
                        insert into movement (id, tenant_id, kind, reference, actor) values ($1, $2, 'GRANT', 'x', 't')""")
                .execute(Tuple.of(UUID.randomUUID(), globex))))
                .hasMessageContaining("row-level security");
        assertThat(database.count("select count(*) from movement where tenant_id = $1", globex)).isZero();
    }
}
