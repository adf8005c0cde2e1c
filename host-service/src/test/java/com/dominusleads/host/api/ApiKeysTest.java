package com.dominusleads.host.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.KeycloakTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.TestStack;
import com.dominusleads.testsupport.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host API keys: issued once, stored as a hash, checked by the services through the introspection endpoint (which
 * only services may call), refused once revoked, expired, or when their tenant is suspended.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class ApiKeysTest {

    private String operator;
    private String service;

    @BeforeEach
    void tokens() {
        operator = Tokens.password("operator", "operator");
        service = Tokens.clientCredentials("dominus-services", TestStack.keycloakRealm().servicesSecret());
    }

    @Test
    void aTenantKeyIsShownOnceAndIntrospectedWithItsTenantAndScopes() {
        String tenant = createTenant();
        String key = issue(Map.of("name", "CRM sync", "tenantId", tenant, "scopes", List.of("viewer", "sales")))
                .statusCode(201).body("key", startsWith("dlk_")).body("apiKey.tenantId", equalTo(tenant))
                .extract().path("key");

        given().auth().oauth2(operator).queryParam("tenantId", tenant).get("/api/host/api-keys").then()
                .statusCode(200).body("[0].name", equalTo("CRM sync")).body("[0].prefix", equalTo(key.substring(0, 12)))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("key")))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("secretHash")));

        introspect(key).body("active", equalTo(true)).body("tenantId", equalTo(tenant))
                .body("scopes", hasItem("sales")).body("scopes", hasItem("viewer"));
        given().auth().oauth2(operator).get("/api/host/api-keys?tenantId=" + tenant).then()
                .body("[0].lastUsedAt", not(nullValue()));
    }

    @Test
    void onlyServicesMayIntrospect() {
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("key", "dlk_x"))
                .post("/api/host/api-keys/introspection").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("key", "dlk_x"))
                .post("/api/host/api-keys/introspection").then().statusCode(401);
    }

    @Test
    void aPlatformKeyWorksAsAHostOperatorUntilRevoked() {
        var created = issue(Map.of("name", "billing robot", "scopes", List.of("host-admin"))).statusCode(201).extract();
        String key = created.path("key");
        String id = created.path("apiKey.id");

        given().header("X-API-KEY", key).get("/api/host/tenants").then().statusCode(200);
        given().auth().oauth2(operator).delete("/api/host/api-keys/{id}", id).then().statusCode(200)
                .body("revokedAt", not(nullValue()));
        given().header("X-API-KEY", key).get("/api/host/tenants").then().statusCode(401);
        introspect(key).body("active", equalTo(false));
    }

    @Test
    void forgedMalformedOrForeignKeysAreInactive() {
        String key = issue(Map.of("name", "k", "scopes", List.of("host-admin"))).statusCode(201).extract().path("key");
        String forged = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        introspect(forged).body("active", equalTo(false));
        introspect("dlk_" + UUID.randomUUID().toString().replace("-", "") + "_" + "A".repeat(43))
                .body("active", equalTo(false));
        given().header("X-API-KEY", "dlk_garbage").get("/api/host/tenants").then().statusCode(401);
    }

    @Test
    void scopesMustFitTheKeyKindAndExpiryMustBeAhead() {
        String tenant = createTenant();
        issue(Map.of("name", "x", "tenantId", tenant, "scopes", List.of("host-admin"))).statusCode(400)
                .body("error.code", equalTo("invalid_scopes"));
        issue(Map.of("name", "x", "scopes", List.of("sales"))).statusCode(400)
                .body("error.code", equalTo("invalid_scopes"));
        issue(Map.of("name", "x", "scopes", List.of("host-admin"), "expiresAt", Instant.now().minusSeconds(5).toString()))
                .statusCode(400).body("error.code", equalTo("invalid_expiry"));
        issue(Map.of("name", "x", "tenantId", "no-such-tenant", "scopes", List.of("viewer"))).statusCode(404);
    }

    @Test
    void aSuspendedTenantsKeysStopWorking() {
        String tenant = createTenant();
        String key = issue(Map.of("name", "k", "tenantId", tenant, "scopes", List.of("viewer"))).statusCode(201)
                .extract().path("key");
        introspect(key).body("active", equalTo(true));
        given().auth().oauth2(operator).post("/api/host/tenants/{id}/suspension", tenant).then().statusCode(200);
        introspect(key).body("active", equalTo(false));
    }

    private String createTenant() {
        String tenant = "k-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "displayName", "Keys " + tenant,
                        "admin", Map.of("email", "admin@" + tenant + ".example")))
                .post("/api/host/tenants").then().statusCode(201);
        return tenant;
    }

    private io.restassured.response.ValidatableResponse issue(Map<String, Object> body) {
        return given().auth().oauth2(operator).contentType(ContentType.JSON).body(body).post("/api/host/api-keys").then();
    }

    private io.restassured.response.ValidatableResponse introspect(String key) {
        return given().auth().oauth2(service).contentType(ContentType.JSON).body(Map.of("key", key))
                .post("/api/host/api-keys/introspection").then().statusCode(200);
    }
}
