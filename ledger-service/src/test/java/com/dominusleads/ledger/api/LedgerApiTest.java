package com.dominusleads.ledger.api;

import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.ledger.LedgerFixture;
import com.dominusleads.ledger.domain.CreditLedger;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger's REST API as its users call it: tenants read their own balance and statement (the tenant from the
 * token only), host operators grant, reverse with a reason, set thresholds and check consistency.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class LedgerApiTest {

    @Inject
    Pool pool;

    @Inject
    CreditLedger ledger;

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aGrantIsAppliedOncePerGrantIdAndShowsInTheBalance() {
        String tenant = newTenant();
        String movement = grant(tenant, "pi_123", 25).statusCode(201)
                .body("applied", is(true)).body("balance", is(25)).extract().path("movementId");
        grant(tenant, "pi_123", 25).statusCode(200)
                .body("applied", is(false)).body("movementId", equalTo(movement)).body("balance", is(25));

        given().get("/api/ledger/tenants/{t}/balance", tenant).then().statusCode(200)
                .body("balance", is(25)).body("pendingDebits", is(0));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void invalidGrantsAreRefusedWithAClearErrorAndChangeNothing() {
        String tenant = newTenant();
        given().contentType(ContentType.JSON).body(Map.of("grantId", "g1", "credits", 0, "reason", "PURCHASE"))
                .post("/api/ledger/tenants/{t}/grants", tenant)
                .then().statusCode(400).body("error.code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body(Map.of("grantId", "g1", "credits", 5, "reason", "FREE"))
                .post("/api/ledger/tenants/{t}/grants", tenant)
                .then().statusCode(400).body("error.code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/ledger/tenants/{t}/grants", tenant)
                .then().statusCode(400).body("error.code", equalTo("bad_request"));
        assertThat(fixture().count("select count(*) from movement where tenant_id = $1", tenant)).isZero();
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aReversalNeedsAReasonGivesTheCreditBackOnceAndIsAudited() {
        String tenant = newTenant();
        grant(tenant, "g", 3).statusCode(201);
        fixture().debit(tenant, "lead-1");
        String debitId = fixture().debitIdOf(tenant, "lead-1");

        given().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/api/ledger/debits/{d}/reversal", debitId)
                .then().statusCode(400).body("error.code", equalTo("validation_failed"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Customer was already a client"))
                .post("/api/ledger/debits/{d}/reversal", debitId)
                .then().statusCode(201).body("reversedBy", equalTo("ops"))
                .body("reason", equalTo("Customer was already a client"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/ledger/debits/{d}/reversal", debitId)
                .then().statusCode(409).body("error.code", equalTo("debit_already_reversed"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/ledger/debits/{d}/reversal", UUID.randomUUID())
                .then().statusCode(404).body("error.code", equalTo("debit_not_found"));

        given().get("/api/ledger/tenants/{t}/balance", tenant).then().body("balance", is(3));
        assertThat(fixture().count("select count(*) from movement where tenant_id = $1 and kind = 'REVERSAL'"
                + " and actor = 'ops' and reason = 'Customer was already a client'", tenant)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void theConsistencyEndpointReportsAConsistentLedgerWithItsTotals() {
        String tenant = newTenant();
        grant(tenant, "g", 2).statusCode(201);
        fixture().debit(tenant, "lead-1");
        given().get("/api/ledger/consistency").then().statusCode(200)
                .body("consistent", is(true)).body("violations", hasSize(0));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void aThresholdChangeIsKeptAndValidated() {
        String tenant = newTenant();
        given().contentType(ContentType.JSON).body(Map.of("threshold", 3))
                .put("/api/ledger/tenants/{t}/low-balance-threshold", tenant)
                .then().statusCode(200).body("lowBalanceThreshold", is(3));
        given().contentType(ContentType.JSON).body(Map.of("threshold", -1))
                .put("/api/ledger/tenants/{t}/low-balance-threshold", tenant)
                .then().statusCode(400).body("error.code", equalTo("validation_failed"));
    }

    @Test
    @TestSecurity(user = "maria", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "acme-no-rights"))
    void tenantUsersCannotUseHostEndpoints() {
        given().contentType(ContentType.JSON).body(Map.of("grantId", "g", "credits", 5, "reason", "PURCHASE"))
                .post("/api/ledger/tenants/{t}/grants", "acme-no-rights")
                .then().statusCode(403).body("error.code", equalTo("forbidden"));
        given().get("/api/ledger/consistency").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreAskedToSignInWithTheErrorBody() {
        given().get("/api/ledger/balance").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    @Test
    void aTokenThatCannotBeVerifiedBecauseKeycloakIsDownIsAnsweredWithARetryableError() {
        // No Keycloak runs in this test: the token cannot be checked, which is not the caller's fault.
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/ledger/balance").then()
                .statusCode(503).header("Retry-After", "5").body("error.code", equalTo("identity_provider_unavailable"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "viewer")
    void aTokenWithoutATenantHasNoBalance() {
        given().get("/api/ledger/balance").then().statusCode(403).body("error.code", equalTo("no_tenant"));
    }

    @Test
    @TestSecurity(user = "maria", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "acme-statement"))
    void theStatementPagesNewestFirstAndFiltersByTypeAndPeriod() {
        String tenant = "acme-statement";
        fixture().grant(tenant, 3);
        for (int i = 0; i < 5; i++) {
            fixture().debit(tenant, "lead-" + i);
        }
        fixture().grant(tenant, 10);
        given().get("/api/ledger/balance").then().statusCode(200)
                .body("tenantId", equalTo(tenant)).body("balance", is(8)).body("pendingDebits", is(0));

        String cursor = given().queryParam("limit", 4).get("/api/ledger/statement").then().statusCode(200)
                .body("lines", hasSize(4)).body("lines[0].kind", equalTo("DEBIT"))
                .extract().path("nextCursor");
        List<Integer> second = given().queryParam("limit", 4).queryParam("cursor", cursor)
                .get("/api/ledger/statement").then().statusCode(200).body("nextCursor", nullValue())
                .extract().path("lines.amount");
        assertThat(second).hasSize(3);

        given().queryParam("type", "grant").get("/api/ledger/statement").then()
                .body("lines", hasSize(2)).body("lines.amount", equalTo(List.of(10, 3)));
        given().queryParam("from", "2999-01-01T00:00:00Z").get("/api/ledger/statement").then()
                .body("lines", hasSize(0));
        given().queryParam("type", "BONUS").get("/api/ledger/statement").then()
                .statusCode(400).body("error.code", equalTo("invalid_type"));
        given().queryParam("cursor", "bogus").get("/api/ledger/statement").then()
                .statusCode(400).body("error.code", equalTo("invalid_cursor"));
        given().queryParam("from", "yesterday").get("/api/ledger/statement").then()
                .statusCode(400).body("error.code", equalTo("invalid_from"));
    }

    @Test
    @TestSecurity(user = "bob", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "globex-isolated"))
    void aTenantSeesOnlyItsOwnLedger() {
        fixture().grant("acme-other", 7);
        given().get("/api/ledger/balance").then().statusCode(200)
                .body("tenantId", equalTo("globex-isolated")).body("balance", is(0));
        given().get("/api/ledger/statement").then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    @TestSecurity(user = "ana", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "typed-params"))
    void aParameterOfTheWrongTypeIsABadRequestNotANotFound() {
        given().get("/api/ledger/statement?limit=abc").then().statusCode(400)
                .body("error.code", equalTo("invalid_parameter"));
    }

    private LedgerFixture fixture() {
        return new LedgerFixture(pool, ledger);
    }

    private ValidatableResponse grant(String tenant, String grantId, long credits) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("grantId", grantId, "credits", credits, "reason", "PURCHASE", "reference", "Pack"))
                .post("/api/ledger/tenants/{t}/grants", tenant).then();
    }
}
