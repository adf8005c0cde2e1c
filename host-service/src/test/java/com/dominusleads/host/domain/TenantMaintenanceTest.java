package com.dominusleads.host.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.KeycloakTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import com.dominusleads.testsupport.TestStack;
import com.dominusleads.testsupport.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The background half of the lifecycle against a real Keycloak: a provisioning that stopped half-way is finished,
 * and a closed tenant whose retention ended loses its organization and users while its id stays taken.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class TenantMaintenanceTest {

    @Inject
    TenantMaintenance maintenance;

    @Inject
    Pool pool;

    @Test
    void aProvisioningThatStoppedIsFinishedByTheBackgroundRun() {
        String tenant = "m-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceDatabase database = new ServiceDatabase(pool);
        // As left by a request that stored the tenant and then lost Keycloak.
        database.count("""
                with stopped as (insert into tenant (tenant_id, display_name, status, admin_email, provisioning_error,
                                                    updated_at)
                                 values ($1, 'Stopped', 'PROVISIONING', $2, 'Keycloak: connection refused',
                                         now() - interval '5 minutes') returning 1)
                select count(*) from stopped""", tenant, "admin@" + tenant + ".example");

        maintenance.finishProvisioning().await().indefinitely();

        assertThat(database.count("select count(*) from tenant where tenant_id = $1 and status = 'ACTIVE'"
                + " and provisioning_error is null and keycloak_org_id is not null", tenant)).isEqualTo(1);
        assertThat(database.count("select count(*) from outbox where tenant_id = $1 and event_type = 'tenant.created'",
                tenant)).isEqualTo(1);
        assertThat(keycloakCount("/organizations/count?exact=true&search=" + tenant)).isEqualTo(1);
    }

    @Test
    void aClosedTenantPastItsRetentionIsPurgedFromKeycloak() {
        String operator = Tokens.password("operator", "operator");
        String tenant = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + tenant + ".example";
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenantId", tenant, "displayName", "Purged", "admin", Map.of("email", email)))
                .post("/api/host/tenants").then().statusCode(201);
        // More members than Keycloak answers in one page (10 by default): the purge must page through them.
        String admin = Tokens.adminConsole();
        for (int i = 0; i < 12; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", "member" + i + "@" + tenant + ".example", "enabled", true,
                            "attributes", Map.of("tenant_id", List.of(tenant))))
                    .post(TestStack.keycloak() + "/admin/realms/dominus/users").then().statusCode(201);
        }
        assertThat(keycloakCount("/users/count?q=tenant_id:" + tenant)).isEqualTo(13);
        given().auth().oauth2(operator).delete("/api/host/tenants/{id}", tenant).then().statusCode(200);
        ServiceDatabase database = new ServiceDatabase(pool);
        database.count("with aged as (update tenant set purge_after = now() - interval '1 second' where tenant_id = $1"
                + " returning 1) select count(*) from aged", tenant);

        maintenance.purgeClosed().await().indefinitely();

        assertThat(keycloakCount("/organizations/count?exact=true&search=" + tenant)).isZero();
        assertThat(keycloakCount("/users/count?exact=true&email=" + email)).isZero();
        assertThat(keycloakCount("/users/count?q=tenant_id:" + tenant)).isZero();
        assertThat(database.count("select count(*) from tenant where tenant_id = $1 and purged_at is not null"
                + " and admin_email not like '%example'", tenant)).isEqualTo(1);
        given().auth().oauth2(operator).post("/api/host/tenants/{id}/reopening", tenant).then().statusCode(409);
    }

    private static long keycloakCount(String path) {
        return Long.parseLong(given().auth().oauth2(Tokens.adminConsole())
                .get(TestStack.keycloak() + "/admin/realms/dominus" + path).then().statusCode(200).extract().asString()
                .strip());
    }
}
