package com.dominusleads.ledger.domain;

import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.ledger.LedgerFixture;
import com.dominusleads.ledger.persistence.ConsistencyQuery;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many transactions at once on one tenant, as two ledger instances during a rebalance would run them: the account
 * row lock and the unique debit per lead keep the balance exact and never negative.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class CreditLedgerConcurrencyTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    CreditLedger ledger;

    @Inject
    TenantTransactions transactions;

    @Inject
    ConsistencyQuery consistency;

    @Test
    void fiftyConcurrentQualificationsOnTenCreditsChargeTenAndAGrantOfFortyPaysTheRest() {
        String tenant = newTenant();
        LedgerFixture fixture = new LedgerFixture(pool, ledger);
        fixture.grant(tenant, 10);

        List<Uni<Void>> debits = IntStream.range(0, 50)
                .mapToObj(i -> transactions.forTenant(tenant, tx -> ledger.debitQualifiedLeads(tx, tenant,
                        List.of(new QualifiedLead("lead-" + i, UUID.randomUUID())), "test")))
                .toList();
        Uni.join().all(debits).andFailFast().await().atMost(DONE);

        assertThat(fixture.debits(tenant, "CHARGED")).isEqualTo(10);
        assertThat(fixture.debits(tenant, "PENDING")).isEqualTo(40);
        assertThat(fixture.balance(tenant)).isZero();

        GrantResult result = fixture.grant(tenant, 40);
        assertThat(result.settledDebits()).isEqualTo(40);
        assertThat(fixture.debits(tenant, "CHARGED")).isEqualTo(50);
        assertThat(fixture.debits(tenant, "PENDING")).isZero();
        assertThat(fixture.balance(tenant)).isZero();
        assertThat(consistency.run().await().atMost(DONE).violations()).isEmpty();
    }

    @Test
    void theSameLeadDebitedConcurrentlyByTwoConsumersIsChargedOnce() {
        String tenant = newTenant();
        LedgerFixture fixture = new LedgerFixture(pool, ledger);
        fixture.grant(tenant, 5);

        List<Uni<Void>> racing = IntStream.range(0, 8)
                .mapToObj(i -> transactions.forTenant(tenant, tx -> ledger.debitQualifiedLeads(tx, tenant,
                        List.of(new QualifiedLead("same-lead", UUID.randomUUID())), "test")))
                .toList();
        Uni.join().all(racing).andFailFast().await().atMost(DONE);

        assertThat(fixture.debitMovements(tenant)).isEqualTo(1);
        assertThat(fixture.balance(tenant)).isEqualTo(4);
    }
}
