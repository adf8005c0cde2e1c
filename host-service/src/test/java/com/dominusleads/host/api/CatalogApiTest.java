package com.dominusleads.host.api;

import static com.dominusleads.host.BillingFixture.createPack;
import static com.dominusleads.host.BillingFixture.createPlan;
import static com.dominusleads.host.BillingFixture.stripe;
import static com.dominusleads.host.BillingFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.dominusleads.host.BillingFixture;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.host.StripeSimulatorTestResource;
import com.dominusleads.host.WithoutKeycloakTestResource;
import com.dominusleads.host.persistence.PlanStore;
import com.dominusleads.stripesimulator.RequestLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plans and credit packs as host operators manage them: each creation creates its Stripe product and price once
 * (idempotency keys derived from the code, checked in the simulator's request log), prices never change, and only
 * operators may touch the catalog.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(StripeSimulatorTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
@WithTestResource(WithoutKeycloakTestResource.class)
class CatalogApiTest {

    /** What every idempotency key starts with: this deployment's prefix. */
    private static final String KEY = StripeSimulatorTestResource.IDEMPOTENCY_PREFIX + "-";

    @Inject
    Pool pool;

    @Inject
    PlanStore plans;

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aPlanIsCreatedOnceWithItsStripeProductAndMonthlyPriceKeyedByItsCode() {
        String code = unique("pro");
        var created = createPlan(code, 19_900, 500, 20).statusCode(201)
                .header("Location", endsWith("/api/host/plans/" + code))
                .body("code", equalTo(code)).body("priceCents", is(19_900)).body("currency", equalTo("brl"))
                .body("monthlyCredits", is(500)).body("limits.maxUsers", is(5))
                .body("limits.messagesPerMonth", is(1000)).body("limits.apiRatePerSecond", is(20))
                .body("active", is(true)).body("stripeProductId", startsWith("prod_"))
                .body("stripePriceId", startsWith("price_")).extract();
        String priceId = created.path("stripePriceId");

        RequestLog.Entry product = single("/v1/products", KEY + "plan-" + code + "-product");
        assertThat(product.form()).containsEntry("name", "Plan " + code).containsEntry("metadata[plan_code]", code);
        RequestLog.Entry price = single("/v1/prices", KEY + "plan-" + code + "-price");
        assertThat(price.form()).containsEntry("unit_amount", "19900").containsEntry("currency", "brl")
                .containsEntry("recurring[interval]", "month").containsEntry("recurring[interval_count]", "1")
                .containsEntry("metadata[plan_code]", code).containsEntry("metadata[credits]", "500");
        assertThat(price.form()).containsEntry("product", created.<String>path("stripeProductId"));

        // The same request again: the same plan, and Stripe is not called again.
        int before = stripe().requests().entries().size();
        createPlan(code, 19_900, 500, 20).statusCode(200).body("stripePriceId", equalTo(priceId));
        assertThat(stripe().requests().entries()).hasSize(before);
        // The same code with another price is not the same plan.
        createPlan(code, 29_900, 500, 20).statusCode(409).body("error.code", equalTo("plan_exists"));

        given().get("/api/host/plans/{code}", code).then().statusCode(200).body("stripePriceId", equalTo(priceId));
        given().queryParam("active", true).get("/api/host/plans").then().statusCode(200)
                .body("plans.code", hasItem(code));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void anInvalidPlanIsRefusedBeforeStripeIsCalled() {
        int before = stripe().requests().entries().size();
        given().contentType(ContentType.JSON).body(Map.of("code", "Not A Code", "name", " ", "priceCents", -1,
                        "monthlyCredits", 5, "limits", Map.of("apiRatePerSecond", 0)))
                .post("/api/host/plans").then().statusCode(400).body("error.code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body(Map.of("code", unique("p"), "name", "No limits",
                        "priceCents", 100, "monthlyCredits", 5))
                .post("/api/host/plans").then().statusCode(400).body("error.code", equalTo("validation_failed"));
        assertThat(stripe().requests().entries()).hasSize(before);
        given().get("/api/host/plans/{code}", "no-such-plan").then().statusCode(404)
                .body("error.code", equalTo("plan_not_found"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aPlanChangesItsNameCreditsAndLimitsButNeverItsPrice() {
        String code = unique("basic");
        String priceId = createPlan(code, 9_900, 100, 10).statusCode(201).extract().path("stripePriceId");

        given().contentType(ContentType.JSON).body(Map.of("name", "Basic 2026", "monthlyCredits", 150,
                        "limits", Map.of("apiRatePerSecond", 15)))
                .patch("/api/host/plans/{code}", code).then().statusCode(200)
                .body("name", equalTo("Basic 2026")).body("monthlyCredits", is(150))
                .body("limits.apiRatePerSecond", is(15)).body("limits.maxUsers", nullValue())
                .body("priceCents", is(9_900)).body("stripePriceId", equalTo(priceId));
        given().contentType(ContentType.JSON).body(Map.of("priceCents", 12_900))
                .patch("/api/host/plans/{code}", code).then().statusCode(400)
                .body("error.code", equalTo("price_is_fixed"));
        given().contentType(ContentType.JSON).body(Map.of())
                .patch("/api/host/plans/{code}", code).then().statusCode(400)
                .body("error.code", equalTo("nothing_to_update"));

        given().post("/api/host/plans/{code}/deactivation", code).then().statusCode(200).body("active", is(false));
        given().queryParam("active", true).get("/api/host/plans").then().body("plans.code", not(hasItem(code)));
        given().delete("/api/host/plans/{code}/deactivation", code).then().statusCode(200).body("active", is(true));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void theActiveFilterIsTrueOrFalseAndAnythingElseIsRefused() {
        String plan = unique("filter");
        String pack = unique("filter");
        createPlan(plan, 100, 1, 1).statusCode(201);
        createPack(pack, 1, 100).statusCode(201);
        given().post("/api/host/plans/{code}/deactivation", plan).then().statusCode(200);
        given().post("/api/host/credit-packs/{code}/deactivation", pack).then().statusCode(200);

        for (String path : List.of("/api/host/plans", "/api/host/credit-packs")) {
            for (String value : List.of("yes", "1", "truee", "on")) {
                given().queryParam("active", value).get(path).then().statusCode(400)
                        .body("error.code", equalTo("invalid_active"));
            }
        }
        given().queryParam("active", "FALSE").get("/api/host/plans").then().statusCode(200)
                .body("plans.code", hasItem(plan));
        given().queryParam("active", "true").get("/api/host/plans").then().statusCode(200)
                .body("plans.code", not(hasItem(plan)));
        given().queryParam("active", "false").get("/api/host/credit-packs").then().statusCode(200)
                .body("creditPacks.code", hasItem(pack));
        given().get("/api/host/credit-packs").then().statusCode(200).body("creditPacks.code", hasItem(pack));
        given().queryParam("active", "").get("/api/host/credit-packs").then().statusCode(200)
                .body("creditPacks.code", hasItem(pack));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aNewApiRateReachesTheTenantsOfThePlanAsTenantUpdated() {
        BillingFixture fixture = new BillingFixture(pool);
        String code = unique("rate");
        createPlan(code, 9_900, 100, 10).statusCode(201);
        String tenant = fixture.activeTenant();
        fixture.database().inTransaction(tx -> tx.preparedQuery("update tenant set plan_code = $2 where tenant_id = $1")
                .execute(Tuple.of(tenant, code)));

        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed only"))
                .patch("/api/host/plans/{code}", code).then().statusCode(200);
        assertThat(fixture.tenantUpdates(tenant)).isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("limits", Map.of("apiRatePerSecond", 42)))
                .patch("/api/host/plans/{code}", code).then().statusCode(200);
        assertThat(fixture.tenantUpdates(tenant)).singleElement().satisfies(updated -> {
            assertThat(updated.planCode()).isEqualTo(code);
            assertThat(updated.apiRatePerSecond()).isEqualTo(42);
        });
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aCreditPackIsCreatedOnceWithAOneOffPrice() {
        String code = unique("pack");
        createPack(code, 100, 4_990).statusCode(201).body("credits", is(100)).body("priceCents", is(4_990))
                .body("stripePriceId", startsWith("price_"));

        RequestLog.Entry price = single("/v1/prices", KEY + "pack-" + code + "-price");
        assertThat(price.form()).containsEntry("unit_amount", "4990").containsEntry("metadata[pack_code]", code)
                .containsEntry("metadata[credits]", "100").doesNotContainKey("recurring[interval]");
        assertThat(single("/v1/products", KEY + "pack-" + code + "-product").form()).containsEntry("name", "Pack " + code);

        createPack(code, 100, 4_990).statusCode(200);
        createPack(code, 200, 4_990).statusCode(409).body("error.code", equalTo("credit_pack_exists"));
        given().contentType(ContentType.JSON).body(Map.of("credits", 120)).patch("/api/host/credit-packs/{c}", code)
                .then().statusCode(200).body("credits", is(120));
        given().contentType(ContentType.JSON).body(Map.of("currency", "usd")).patch("/api/host/credit-packs/{c}", code)
                .then().statusCode(400).body("error.code", equalTo("price_is_fixed"));
        given().post("/api/host/credit-packs/{c}/deactivation", code).then().statusCode(200).body("active", is(false));
        given().queryParam("active", false).get("/api/host/credit-packs").then().statusCode(200)
                .body("creditPacks.code", hasItem(code));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void planStoreTellsWhetherAPlanExistsActiveOrNot() {
        String code = unique("exists");
        createPlan(code, 100, 1, 1).statusCode(201);
        given().post("/api/host/plans/{code}/deactivation", code).then().statusCode(200);
        ServiceDatabase database = new ServiceDatabase(pool);
        boolean deactivated = database.inTransaction(tx -> plans.exists(tx, code));
        boolean unknown = database.inTransaction(tx -> plans.exists(tx, "never-created"));
        assertThat(deactivated).isTrue();
        assertThat(unknown).isFalse();
    }

    @Test
    @TestSecurity(user = "maria", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "acme-catalog"))
    void tenantsSeeWhatIsOnSaleButCannotChangeTheCatalog() {
        createPlan(unique("nope"), 100, 1, 1).statusCode(403).body("error.code", equalTo("forbidden"));
        createPack(unique("nope"), 1, 100).statusCode(403);
        given().get("/api/host/plans").then().statusCode(403);
        given().get("/api/host/billing/catalog").then().statusCode(200)
                .body("plans.active", not(hasItem(false))).body("creditPacks.active", not(hasItem(false)));
    }

    @Test
    void anonymousCallersCannotReadTheCatalog() {
        given().get("/api/host/plans").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    private static RequestLog.Entry single(String path, String idempotencyKey) {
        List<RequestLog.Entry> entries = stripe().requests().to("POST", path).stream()
                .filter(entry -> idempotencyKey.equals(entry.idempotencyKey())).toList();
        assertThat(entries).as("POST %s with Idempotency-Key %s", path, idempotencyKey).hasSize(1);
        assertThat(entries.get(0).status()).isEqualTo(200);
        return entries.get(0);
    }
}
