package com.dominusleads.host.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.KeycloakTestResource;
import com.dominusleads.testsupport.Mailbox;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import com.dominusleads.testsupport.TestStack;
import com.dominusleads.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Creating a tenant as a host operator against a real Keycloak: its organization, its first admin (tenant-admin,
 * tenant_id attribute, member of the organization) and the invitation e-mail through a real SMTP server; repeated
 * requests change nothing; the wrong role, a foreign e-mail and a taken id are refused before anything is stored.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class TenantProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    Pool pool;

    @Test
    void anOperatorCreatesATenantWithItsOrganizationAndInvitedAdminOnce() throws Exception {
        String tenant = newTenantId();
        String email = "admin@" + tenant + ".example";
        String operator = Tokens.password("operator", "operator");

        create(operator, tenant, email).statusCode(201)
                .body("tenantId", equalTo(tenant)).body("status", equalTo("ACTIVE"))
                .body("keycloakOrgId", notNullValue()).body("invitationSentAt", notNullValue());

        JsonNode organization = keycloak("/organizations?exact=true&search=" + tenant).get(0);
        assertThat(organization.path("alias").asText()).isEqualTo(tenant);
        JsonNode user = keycloak("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).get(0);
        assertThat(user.path("attributes").path("tenant_id").get(0).asText()).isEqualTo(tenant);
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(keycloak("/users/" + user.path("id").asText() + "/role-mappings/realm").toString())
                .contains("tenant-admin");
        assertThat(keycloak("/organizations/" + organization.path("id").asText() + "/members").toString())
                .contains(user.path("id").asText());
        Mailbox.Mail invitation = Mailbox.awaitMessageTo(email, Duration.ofSeconds(30));
        assertThat(invitation.links()).anyMatch(link -> link.contains("/realms/dominus/login-actions/"));

        // The same request again: the same tenant, nothing created or sent twice.
        create(operator, tenant, email).statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(Mailbox.messagesTo(email)).hasSize(1);
        assertThat(keycloak("/organizations?exact=true&search=" + tenant).size()).isEqualTo(1);
        assertThat(outboxRows(tenant, "tenant.created")).isEqualTo(1);
    }

    @Test
    void onlyHostOperatorsCreateTenants() {
        String tenant = newTenantId();
        create(Tokens.password("acme-admin", "dominus"), tenant, "x@" + tenant + ".example").statusCode(403);
        given().contentType(ContentType.JSON).body(body(tenant, "x@" + tenant + ".example"))
                .post("/api/host/tenants").then().statusCode(401);
        assertThat(tenantRows(tenant)).isZero();
    }

    @Test
    void aTakenIdOrAnEmailOfAnotherTenantIsAConflictThatStoresNothing() {
        String operator = Tokens.password("operator", "operator");
        String tenant = newTenantId();
        create(operator, tenant, "first@" + tenant + ".example").statusCode(201);
        create(operator, tenant, "other@" + tenant + ".example").statusCode(409)
                .body("error.code", equalTo("tenant_exists"));

        String another = newTenantId();
        create(operator, another, "admin@acme.example").statusCode(409)
                .body("error.code", equalTo("admin_email_taken"));
        assertThat(tenantRows(another)).isZero();
    }

    @Test
    void malformedRequestsAreRefusedWithTheFieldsAtFault() {
        String operator = Tokens.password("operator", "operator");
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenantId", "Not A Slug!", "displayName", "", "admin", Map.of("email", "nope")))
                .post("/api/host/tenants").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.details", org.hamcrest.Matchers.aMapWithSize(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));

        String tenant = newTenantId();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "displayName", "No plan", "planCode", "no-such-plan",
                        "admin", Map.of("email", "a@" + tenant + ".example")))
                .post("/api/host/tenants").then().statusCode(400).body("error.code", equalTo("unknown_plan"));
        assertThat(tenantRows(tenant)).isZero();
    }

    @Test
    void suspensionClosingAndReopeningArePublishedAsTenantUpdates() {
        String operator = Tokens.password("operator", "operator");
        String tenant = newTenantId();
        create(operator, tenant, "admin@" + tenant + ".example").statusCode(201);

        given().auth().oauth2(operator).queryParam("reason", "fraud check")
                .post("/api/host/tenants/{id}/suspension", tenant).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("fraud check"));
        given().auth().oauth2(operator).post("/api/host/tenants/{id}/suspension", tenant).then().statusCode(409)
                .body("error.code", equalTo("invalid_tenant_status"));
        given().auth().oauth2(operator).delete("/api/host/tenants/{id}/suspension", tenant).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(operator).delete("/api/host/tenants/{id}", tenant).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("purgeAfter", notNullValue());
        given().auth().oauth2(operator).post("/api/host/tenants/{id}/reopening", tenant).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        assertThat(outboxRows(tenant, "tenant.updated")).isEqualTo(4);
        given().auth().oauth2(operator).get("/api/host/tenants/{id}", "no-such-tenant").then().statusCode(404)
                .body("error.code", equalTo("tenant_not_found"));
    }

    private static io.restassured.response.ValidatableResponse create(String token, String tenant, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(tenant, email))
                .post("/api/host/tenants").then();
    }

    private static Map<String, Object> body(String tenant, String email) {
        return Map.of("tenantId", tenant, "displayName", "Tenant " + tenant,
                "admin", Map.of("email", email, "firstName", "Ana", "lastName", "Souza"));
    }

    private long outboxRows(String tenant, String type) {
        return new ServiceDatabase(pool).count("select count(*) from outbox where tenant_id = $1 and event_type = $2",
                tenant, type);
    }

    private long tenantRows(String tenant) {
        return new ServiceDatabase(pool).count("select count(*) from tenant where tenant_id = $1", tenant);
    }

    private static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads the realm through Keycloak's admin API as the master admin (what an operator sees in the console). */
    private static JsonNode keycloak(String path) throws IOException, InterruptedException {
        URI uri = URI.create(TestStack.keycloak() + "/admin/realms/dominus" + path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Tokens.adminConsole()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
