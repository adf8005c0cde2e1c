package com.dominusleads.host.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.host.BillingFixture;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.host.StripeSimulatorTestResource;
import com.dominusleads.host.WithoutKeycloakTestResource;
import com.dominusleads.host.domain.ApiKeys;
import com.dominusleads.host.domain.UsageDay;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage reports: the daily series and month to date kept here, the balance read from the ledger with the caller's
 * own credential (its token, or its host API key), and tenants confined to their own report by their token.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(StripeSimulatorTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
@WithTestResource(WithoutKeycloakTestResource.class)
class UsageApiTest {

    private static final String TENANT_A = "usage-tenant-a";
    private static final String TENANT_B = "usage-tenant-b";

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    ApiKeys apiKeys;

    private BillingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(pool);
        LedgerStubTestResource.down(false);
    }

    @AfterEach
    void ledgerBack() {
        LedgerStubTestResource.down(false);
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    @OidcSecurity
    void anOperatorSeesATenantsDailySeriesMonthToDateAndBalanceReadWithItsOwnToken() {
        String tenant = fixture.activeTenant();
        LocalDate today = UsageDay.today();
        LocalDate lastMonth = today.withDayOfMonth(1).minusDays(3);
        use(tenant, today, 5);
        use(tenant, lastMonth, 7);
        LedgerStubTestResource.balance(tenant, 42);

        List<Integer> credits = given().queryParam("from", lastMonth.toString()).queryParam("to", today.toString())
                .get("/api/host/tenants/{t}/usage", tenant).then().statusCode(200)
                .body("tenantId", equalTo(tenant)).body("from", equalTo(lastMonth.toString()))
                .body("days", hasSize((int) (today.toEpochDay() - lastMonth.toEpochDay() + 1)))
                .body("days[0].day", equalTo(lastMonth.toString())).body("days[0].credits", is(7))
                .body("monthToDate", is(5)).body("balance", is(42)).body("pendingDebits", is(2))
                .body("balanceError", nullValue())
                .extract().path("days.credits");
        assertThat(credits.getLast()).isEqualTo(5);
        assertThat(credits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(LedgerStubTestResource.callers()).last().isEqualTo("ops");

        // By default: this month up to today.
        given().get("/api/host/tenants/{t}/usage", tenant)
                .then().statusCode(200).body("from", equalTo(today.withDayOfMonth(1).toString()))
                .body("to", equalTo(today.toString())).body("monthToDate", is(5));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    @OidcSecurity
    void theReportStillAnswersWhenTheLedgerCannotGiveTheBalance() {
        String tenant = fixture.activeTenant();
        use(tenant, UsageDay.today(), 3);

        LedgerStubTestResource.down(true);
        given().get("/api/host/tenants/{t}/usage", tenant)
                .then().statusCode(200).body("monthToDate", is(3)).body("balance", nullValue())
                .body("balanceError", containsString("HTTP 503"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void badPeriodsAndUnknownTenantsAreClearErrors() {
        String tenant = fixture.activeTenant();
        given().queryParam("from", "yesterday").get("/api/host/tenants/{t}/usage", tenant).then().statusCode(400)
                .body("error.code", equalTo("invalid_from"));
        given().queryParam("from", "2026-05-02").queryParam("to", "2026-05-01")
                .get("/api/host/tenants/{t}/usage", tenant).then().statusCode(400)
                .body("error.code", equalTo("invalid_period"));
        given().queryParam("from", "2024-01-01").queryParam("to", "2026-01-01")
                .get("/api/host/tenants/{t}/usage", tenant).then().statusCode(400)
                .body("error.code", equalTo("invalid_period"));
        given().get("/api/host/tenants/{t}/usage", "no-such-tenant").then().statusCode(404)
                .body("error.code", equalTo("tenant_not_found"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = TENANT_A))
    void aTenantAdminSeesItsOwnUsageOnlyWhateverItAsks() {
        LocalDate today = UsageDay.today();
        use(TENANT_A, today, 4);
        use(TENANT_B, today, 900);
        LedgerStubTestResource.balance(TENANT_A, 11);
        LedgerStubTestResource.balance(TENANT_B, 999);

        given().queryParam("tenantId", TENANT_B).get("/api/host/usage").then().statusCode(200)
                .body("tenantId", equalTo(TENANT_A)).body("monthToDate", is(4)).body("balance", is(11))
                .body("days.credits", everyItem(org.hamcrest.Matchers.lessThan(900)));
        given().get("/api/host/tenants/{t}/usage", TENANT_B).then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = TENANT_B))
    void everyRoleOfATenantReadsItsUsage() {
        given().get("/api/host/usage").then().statusCode(200).body("tenantId", equalTo(TENANT_B))
                .body("balance", notNullValue()).body("balanceError", nullValue());
        assertThat(LedgerStubTestResource.callers()).last().isEqualTo("bob");
    }

    @Test
    void aMachineWithAHostApiKeyGetsTheBalanceReadWithItsKey() {
        String tenant = fixture.activeTenant();
        use(tenant, UsageDay.today(), 6);
        LedgerStubTestResource.balance(tenant, 77);
        String key = apiKeys.issue(tenant, "usage robot", List.of("viewer"), null, "test")
                .await().atMost(WAIT).value();
        LedgerStubTestResource.apiKey(key, tenant);

        // An API-key identity has no token: the key itself goes to the ledger.
        given().header("X-API-KEY", key).get("/api/host/usage").then().statusCode(200)
                .body("tenantId", equalTo(tenant)).body("monthToDate", is(6)).body("balance", is(77))
                .body("balanceError", nullValue());
        assertThat(LedgerStubTestResource.callers()).last().isEqualTo("api-key:" + key.substring(0, 12));

        // A platform key (host-admin) reads any tenant's report, its balance with that key too.
        String platform = apiKeys.issue(null, "ops robot", List.of("host-admin"), null, "test")
                .await().atMost(WAIT).value();
        LedgerStubTestResource.apiKey(platform, null);
        given().header("X-API-KEY", platform).get("/api/host/tenants/{t}/usage", tenant).then().statusCode(200)
                .body("monthToDate", is(6)).body("balance", is(77)).body("balanceError", nullValue());
        assertThat(LedgerStubTestResource.callers()).last().isEqualTo("api-key:" + platform.substring(0, 12));
    }

    @Test
    @TestSecurity(user = "ops", roles = "viewer")
    void aTokenWithoutATenantHasNoUsage() {
        given().get("/api/host/usage").then().statusCode(403).body("error.code", equalTo("no_tenant"));
    }

    /** Usage as the credit.debited consumer leaves it (the consumer itself is covered by UsageConsumerTest). */
    private void use(String tenant, LocalDate day, long credits) {
        fixture.database().inTransaction(tx -> tx.preparedQuery("""
                insert into usage_daily (tenant_id, day, credits) values ($1, $2, $3)
                on conflict (tenant_id, day) do update set credits = usage_daily.credits + excluded.credits""")
                .execute(Tuple.of(tenant, day, credits)));
    }
}
