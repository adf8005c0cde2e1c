package com.dominusleads.messaging.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suppression lists and the conversations, as a tenant's users and the host's operators see them. */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class SuppressionsAndConversationsApiTest {

    private static final String TENANT = "lists-acme";

    @Inject
    MessagingFixture fixture;

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = TENANT))
    void usersKeepTheirListButCannotLiftAContactsOwnOptOut() {
        given().contentType(ContentType.JSON).body(Map.of("address", "+55 (11) 98855-0001", "reason", "pediu por telefone"))
                .post("/api/messaging/suppressions").then().statusCode(201)
                .body("address", equalTo("+5511988550001")).body("source", equalTo("MANUAL"));
        given().contentType(ContentType.JSON).body(Map.of("address", "+5511988550001"))
                .post("/api/messaging/suppressions").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("address", "not an address"))
                .post("/api/messaging/suppressions").then().statusCode(400)
                .body("error.code", equalTo("invalid_address"));
        given().get("/api/messaging/suppressions").then().statusCode(200)
                .body("address", hasItem("+5511988550001"));

        fixture.database().inTenant(TENANT, tx -> tx.preparedQuery("insert into suppression (tenant_id, address,"
                        + " source) values ($1, 'optout@lists.example', 'OPT_OUT') on conflict do nothing")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(TENANT)));
        given().delete("/api/messaging/suppressions/optout@lists.example").then().statusCode(409)
                .body("error.code", equalTo("opted_out"));
        given().delete("/api/messaging/suppressions/+5511988550001").then().statusCode(204);
        given().delete("/api/messaging/suppressions/+5511988550001").then().statusCode(404);
        // The platform-wide list is the host's.
        given().get("/api/messaging/platform-suppressions").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "hugo", roles = "host-admin")
    void hostOperatorsKeepThePlatformWideListEveryTenantHonours() {
        String tenant = com.dominusleads.testsupport.ServiceDatabase.newTenant();
        fixture.metaWhatsApp(tenant, "1065400401", "+5511940005001", 10);
        given().contentType(ContentType.JSON).body(Map.of("address", "+5511988550009", "reason", "ANPD"))
                .post("/api/messaging/platform-suppressions").then().statusCode(201)
                .body("tenantId", equalTo("*"));
        given().get("/api/messaging/platform-suppressions").then().statusCode(200)
                .body("address", hasItem("+5511988550009"));

        fixture.select(tenant, "66777888000104", List.of("+5511988550009"), List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fixture.conversationState(tenant, "66777888000104")).isEqualTo("SUPPRESSED"));
        assertThat(MessagingFixture.simulator().sends().matching(send -> "+5511988550009".equals(send.contact())))
                .isEmpty();
        given().delete("/api/messaging/platform-suppressions/+5511988550009").then().statusCode(204);
    }

    @Test
    void aTenantReadsThePlatformWideListButCannotChangeIt() {
        String tenant = com.dominusleads.testsupport.ServiceDatabase.newTenant();
        fixture.database().inTransaction(tx -> tx.preparedQuery("insert into suppression (tenant_id, address, source)"
                + " values ('*', '+5511988550020', 'PLATFORM')").execute());
        var database = fixture.database();
        assertThat(database.inTenant(tenant, tx -> tx.query("select count(*) from suppression where tenant_id = '*'"
                + " and address = '+5511988550020'").execute()).iterator().next().getLong(0)).isEqualTo(1);
        assertThat(database.inTenant(tenant, tx -> tx.query("update suppression set reason = 'mine'"
                + " where tenant_id = '*'").execute()).rowCount()).isZero();
        assertThat(database.inTenant(tenant, tx -> tx.preparedQuery("update suppression set tenant_id = $1"
                + " where address = '+5511988550020'").execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant)))
                .rowCount()).isZero();
        assertThat(database.inTenant(tenant, tx -> tx.query("delete from suppression where tenant_id = '*'")
                .execute()).rowCount()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> database.inTenant(tenant, tx -> tx.query(
                        "insert into suppression (tenant_id, address, source) values ('*', '+5511988550021', 'MANUAL')")
                .execute())).hasMessageContaining("row-level security");
        assertThat(database.count("select count(*) from suppression where tenant_id = '*' and address ="
                + " '+5511988550020' and reason is null")).isEqualTo(1);
        database.inTransaction(tx -> tx.query("delete from suppression where address = '+5511988550020'").execute());
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = TENANT))
    void conversationsListNewestFirstWithTheirMessages() {
        fixture.metaWhatsApp(TENANT, "1065400402", "+5511940005002", 10);
        fixture.select(TENANT, "66777888000105", List.of("+5511988550010"), List.of());
        fixture.select(TENANT, "66777888000106", List.of("+5511988550011"), List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.database().count("select count(*) from message"
                + " where tenant_id = $1 and status in ('SENT', 'DELIVERED', 'READ')", TENANT) >= 2);

        String next = given().queryParam("limit", 1).get("/api/messaging/conversations").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("next");
        String first = given().queryParam("limit", 1).get("/api/messaging/conversations").then()
                .extract().path("items[0].id");
        given().queryParam("limit", 1).queryParam("after", next).get("/api/messaging/conversations").then()
                .statusCode(200).body("items[0].id", not(equalTo(first)));
        given().queryParam("cnpj", "66777888000105").get("/api/messaging/conversations").then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue());
        String id = given().queryParam("cnpj", "66777888000105").get("/api/messaging/conversations").then()
                .extract().path("items[0].id");
        given().get("/api/messaging/conversations/" + id).then().statusCode(200)
                .body("conversation.cnpj", equalTo("66777888000105"))
                .body("messages[0].direction", equalTo("OUT")).body("messages[0].address", equalTo("+5511988550010"));
        given().queryParam("after", "garbage").get("/api/messaging/conversations").then().statusCode(400)
                .body("error.code", equalTo("invalid_cursor"));
        // Shaped like a cursor, but no instant (it was a 500).
        given().queryParam("after", "2024-13-45T99:99:99Z_" + id).get("/api/messaging/conversations").then()
                .statusCode(400).body("error.code", equalTo("invalid_cursor"));
    }

    @Test
    @TestSecurity(user = "gil", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "lists-globex"))
    void anotherTenantSeesNoneOfThem() {
        given().get("/api/messaging/suppressions").then().statusCode(200).body("address", not(hasItem(
                "optout@lists.example")));
        fixture.select(TENANT, "66777888000107", List.of(), List.of());   // no contact: NO_CHANNEL
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.conversationState(TENANT, "66777888000107") != null);
        String acmes = String.valueOf(fixture.database().query("select id from conversation where tenant_id = $1"
                + " and cnpj = '66777888000107'", TENANT).iterator().next().getUUID(0));
        given().get("/api/messaging/conversations/" + acmes).then().statusCode(404);
        given().get("/api/messaging/conversations").then().statusCode(200).body("items.cnpj",
                not(hasItem("66777888000107")));
    }
}
