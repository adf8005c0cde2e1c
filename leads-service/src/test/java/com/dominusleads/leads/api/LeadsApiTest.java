package com.dominusleads.leads.api;

import static com.dominusleads.leads.LeadsFixture.CNPJ;
import static com.dominusleads.leads.LeadsFixture.OTHER_CNPJ;
import static com.dominusleads.leads.LeadsFixture.THIRD_CNPJ;
import static com.dominusleads.testsupport.ServiceDatabase.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.domain.Lead;
import com.dominusleads.leads.domain.LeadBilling;
import com.dominusleads.leads.domain.LeadQualification;
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
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leads API as a tenant's users call it: qualifying a company is safe to retry, a CNPJ is checked before anything
 * is written, and each tenant only ever sees its own leads. Each test's user belongs to a tenant of its own.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class LeadsApiTest {

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    @Inject
    LeadBilling billing;

    private LeadsFixture leads;

    @BeforeEach
    void connect() {
        leads = new LeadsFixture(pool, qualification);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-batch"))
    void aBatchQualifiesEachCompanyOnceInOneTransaction() {
        leads.qualify("tenant-batch", THIRD_CNPJ);
        List<Map<String, Object>> batch = List.of(request(CNPJ), request(OTHER_CNPJ), request("11.222.333/0001-81"),
                request(THIRD_CNPJ));

        given().contentType(ContentType.JSON).body(Map.of("qualifications", batch))
                .post("/api/leads/qualifications/batch").then().statusCode(200)
                .body("results.created", equalTo(List.of(true, true, false, false)))
                .body("results.lead.cnpj", equalTo(List.of(CNPJ, OTHER_CNPJ, CNPJ, THIRD_CNPJ)))
                .body("results.lead.tenantId", everyItem(equalTo("tenant-batch")));
        // The company qualified before the batch had its event then; the batch added two.
        assertThat(leads.qualifiedEventsInOutbox("tenant-batch")).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-bad-batch"))
    void aBatchWithOneInvalidCnpjIsRefusedWholeAndSaysWhere() {
        given().contentType(ContentType.JSON)
                .body(Map.of("qualifications", List.of(request(CNPJ), request("11222333000182"))))
                .post("/api/leads/qualifications/batch").then().statusCode(400)
                .body("error.code", equalTo("invalid_cnpj")).body("error.details.position", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("qualifications", List.of()))
                .post("/api/leads/qualifications/batch").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"));
        assertThat(leads.count("select count(*) from lead where tenant_id = 'tenant-bad-batch'")).isZero();
    }

    private static Map<String, Object> request(String cnpj) {
        return Map.of("cnpj", cnpj, "qualificationRunId", "run-batch", "score", 70);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-qualifies"))
    void qualifyingACompanyTwiceKeepsOneLeadAndPublishesOneEvent() {
        String id = qualify("11.222.333/0001-81", "run-7", 87).statusCode(201)
                .body("id", notNullValue())
                .body("tenantId", equalTo("tenant-qualifies"))
                .body("cnpj", equalTo(CNPJ))
                .body("qualificationRunId", equalTo("run-7"))
                .body("conversationId", equalTo("conversation-1"))
                .body("score", equalTo(87))
                .body("billingState", equalTo("AWAITING_CHARGE"))
                .extract().path("id");

        // A retry after a lost response, written without punctuation and from another run: the same lead.
        qualify(CNPJ, "run-8", 90).statusCode(200)
                .body("id", equalTo(id))
                .body("qualificationRunId", equalTo("run-7"))
                .body("score", equalTo(87));

        assertThat(leads.count("select count(*) from lead where tenant_id = $1", "tenant-qualifies")).isEqualTo(1);
        assertThat(leads.qualifiedEventsInOutbox("tenant-qualifies")).isEqualTo(1);
        given().when().get("/api/leads/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("billingState", equalTo("AWAITING_CHARGE"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-alphanumeric"))
    void anAlphanumericCnpjIsAccepted() {
        qualify("12.ABC.345/01DE-35", "run-1", 70).statusCode(201).body("cnpj", equalTo("12ABC34501DE35"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-invalid"))
    void anInvalidQualificationIsRefusedAndNothingIsWritten() {
        qualify("11.222.333/0001-82", "run-1", 80).statusCode(400)
                .body("error.code", equalTo("invalid_cnpj"))
                .body("error.message", containsString("expected 81"));
        qualify(CNPJ, "run-1", 101).statusCode(400)
                .body("error.code", equalTo("validation_failed"));

        assertThat(leads.count("select count(*) from lead where tenant_id = $1", "tenant-invalid")).isZero();
        assertThat(leads.qualifiedEventsInOutbox("tenant-invalid")).isZero();
    }

    @Test
    @TestSecurity(user = "sam", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-snooping"))
    void anotherTenantsLeadIsNotFound() {
        Lead theirs = leads.qualify(newTenant(), CNPJ);

        given().when().get("/api/leads/" + theirs.id()).then().statusCode(404)
                .body("error.code", equalTo("lead_not_found"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "sales")
    void aTokenWithoutATenantIsForbidden() {
        qualify(CNPJ, "run-1", 80).statusCode(403).body("error.code", equalTo("no_tenant"));
        given().when().get("/api/leads/billing-summary").then().statusCode(403).body("error.code", equalTo("no_tenant"));
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-viewer"))
    void aViewerReadsButCannotQualify() {
        qualify(CNPJ, "run-1", 80).statusCode(403).body("error.code", equalTo("forbidden"));
        given().when().get("/api/leads/billing-summary").then().statusCode(200).body("awaitingCharge", equalTo(0));
        assertThat(leads.count("select count(*) from lead where tenant_id = $1", "tenant-viewer")).isZero();
    }

    @Test
    void anUnauthenticatedCallerMustSignIn() {
        qualify(CNPJ, "run-1", 80).statusCode(401).body("error.code", equalTo("unauthorized"));
        given().when().get("/api/leads/billing-summary").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ana", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-summary"))
    void theBillingSummaryCountsTheTenantsLeadsByState() {
        Lead charged = leads.qualify("tenant-summary", CNPJ);
        Lead locked = leads.qualify("tenant-summary", OTHER_CNPJ);
        leads.qualify("tenant-summary", THIRD_CNPJ);
        Lead elsewhere = leads.qualify(newTenant(), CNPJ);
        apply(tx -> billing.debited(tx, List.of(new LeadBilling.Debited("tenant-summary", charged.id().toString(),
                "debit-1"))));
        apply(tx -> billing.debitRejected(tx, "tenant-summary", locked.id().toString(), "debit-2"));
        apply(tx -> billing.debited(tx, List.of(new LeadBilling.Debited(elsewhere.tenantId(), elsewhere.id().toString(),
                "debit-3"))));

        given().when().get("/api/leads/billing-summary").then().statusCode(200)
                .body("tenantId", equalTo("tenant-summary"))
                .body("awaitingCharge", equalTo(1))
                .body("charged", equalTo(1))
                .body("locked", equalTo(1));
    }

    private static ValidatableResponse qualify(String cnpj, String runId, int score) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("cnpj", cnpj, "qualificationRunId", runId, "conversationId", "conversation-1",
                        "score", score))
                .when().post("/api/leads/qualifications").then();
    }

    private void apply(Function<SqlClient, Uni<Void>> change) {
        new ServiceDatabase(pool).inTransaction(change::apply);
    }
}
