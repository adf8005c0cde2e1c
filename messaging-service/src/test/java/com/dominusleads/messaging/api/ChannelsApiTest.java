package com.dominusleads.messaging.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.messaging.domain.ProviderHosts;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenant admins manage their channels; secrets go in and never come out; other tenants see nothing of them. */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class ChannelsApiTest {

    private static final String ACME = "channels-acme";
    private static final String SECRET_TOKEN = "EAAG-secret-token-do-not-show";
    /** The same whether the sender is the tenant's own channel or another tenant's, and without the sender. */
    private static final String SENDER_REFUSED = "this sender cannot be registered with META; if one of your channels"
            + " already uses it, change or delete that one";

    @Inject
    ChannelStore store;

    @Inject
    MessagingFixture fixture;

    @Inject
    Vertx vertx;

    private static Map<String, Object> meta(String number, String phoneNumberId) {
        return Map.of("kind", "WHATSAPP", "provider", "META", "address", number, "name", "Vendas",
                "settings", Map.of("phoneNumberId", phoneNumberId),
                "secrets", Map.of("accessToken", SECRET_TOKEN, "appSecret", "app-secret", "verifyToken", "vt"),
                "dailyCap", 50, "perSecond", 2);
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/messaging/channels")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void anAdminCreatesAChannelWhoseSecretsNeverComeBack() {
        String body = given().contentType(ContentType.JSON).body(meta("+55 11 94000-1001", "9990001"))
                .post("/api/messaging/channels")
                .then().statusCode(201)
                .body("address", equalTo("+5511940001001"))
                .body("secrets", contains("accessToken", "appSecret", "verifyToken"))
                .body("dailyCap", equalTo(50)).body("status", equalTo("ACTIVE"))
                .extract().asString();
        assertThat(body).doesNotContain(SECRET_TOKEN).doesNotContain("app-secret");
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");

        assertThat(given().get("/api/messaging/channels").then().statusCode(200).extract().asString())
                .contains(id).doesNotContain(SECRET_TOKEN);
        // Stored encrypted: the row holds an envelope, and decrypts for this tenant's channel only.
        assertThat(fixture.database().query("select credentials from channel where id = $1", UUID.fromString(id))
                .iterator().next().getString(0)).startsWith("v1:test:").doesNotContain(SECRET_TOKEN);
        assertThat(store.findForWebhook(UUID.fromString(id)).await().indefinitely().orElseThrow()
                .secret("accessToken")).isEqualTo(SECRET_TOKEN);

        // The token is rotated; the others stay.
        given().contentType(ContentType.JSON).body(Map.of("secrets", Map.of("accessToken", "EAAG-new")))
                .patch("/api/messaging/channels/" + id).then().statusCode(200)
                .body("secrets", contains("accessToken", "appSecret", "verifyToken"));
        var channel = store.findForWebhook(UUID.fromString(id)).await().indefinitely().orElseThrow();
        assertThat(channel.secret("accessToken")).isEqualTo("EAAG-new");
        assertThat(channel.secret("appSecret")).isEqualTo("app-secret");

        // The same sender twice is refused.
        given().contentType(ContentType.JSON).body(meta("+5511940001001", "9990002")).post("/api/messaging/channels")
                .then().statusCode(409).body("error.code", equalTo("channel_exists"))
                .body("error.message", equalTo(SENDER_REFUSED));

        // Deleted: gone from the list, and its webhook URL answers 404.
        given().delete("/api/messaging/channels/" + id).then().statusCode(204);
        given().get("/api/messaging/channels").then().statusCode(200).body("id", not(hasItem(id)));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "vt")
                .queryParam("hub.challenge", "42").get("/webhooks/meta/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void aChannelThatCannotWorkIsRefusedWithWhatIsMissing() {
        int before = given().get("/api/messaging/channels").then().extract().path("size()");
        given().contentType(ContentType.JSON).body(Map.of("kind", "WHATSAPP", "provider", "META",
                        "address", "+5511940001002", "secrets", Map.of("accessToken", "t")))
                .post("/api/messaging/channels")
                .then().statusCode(400).body("error.code", equalTo("invalid_channel"))
                .body("error.details.problems", hasItems("settings.phoneNumberId is required for META",
                        "secrets.appSecret is required for META", "secrets.verifyToken is required for META"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SMS", "provider", "META",
                        "address", "+5511940001003")).post("/api/messaging/channels")
                .then().statusCode(400).body("error.details.problems", hasItem("META does not carry SMS"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SMS", "provider", "TWILIO",
                        "address", "11 4000-1004", "settings", Map.of("accountSid", "AC1"),
                        "secrets", Map.of("authToken", "x"))).post("/api/messaging/channels")
                .then().statusCode(400)
                .body("error.details.problems", hasItem("address must be a phone number in E.164"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "WHATSAPP", "provider", "EVOLUTION",
                        "address", "+5511940001005", "settings", Map.of("serverUrl", "http://127.0.0.1:1",
                                "instance", "x"), "secrets", Map.of("apiKey", "k", "jwtKey", "short")))
                .post("/api/messaging/channels")
                .then().statusCode(400).body("error.details.problems", hasItem("secrets.jwtKey must be at least 32"
                        + " bytes (HS256)"));
        given().get("/api/messaging/channels").then().body("size()", equalTo(before));
    }

    @Test
    @TestSecurity(user = "sam", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void salesSeeChannelsButCannotChangeThem() {
        given().contentType(ContentType.JSON).body(meta("+5511940001006", "9990006")).post("/api/messaging/channels")
                .then().statusCode(403);
        given().get("/api/messaging/channels").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "gil", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "channels-globex"))
    void anotherTenantsChannelIsNotFound() {
        String acmes = fixture.metaWhatsApp(ACME, "9990007", "+5511940001007", 1).id().toString();
        given().get("/api/messaging/channels/" + acmes).then().statusCode(404)
                .body("error.code", equalTo("channel_not_found"));
        given().contentType(ContentType.JSON).body(Map.of("dailyCap", 1)).patch("/api/messaging/channels/" + acmes)
                .then().statusCode(404);
        given().delete("/api/messaging/channels/" + acmes).then().statusCode(404);
        given().get("/api/messaging/channels").then().statusCode(200).body("id", not(hasItem(acmes)));
        // Its sender cannot be taken, and the refusal does not say whose it is.
        String refusal = given().contentType(ContentType.JSON).body(meta("+5511940001007", "9990017"))
                .post("/api/messaging/channels").then().statusCode(409).body("error.code", equalTo("channel_exists"))
                .body("error.message", equalTo(SENDER_REFUSED)).extract().asString();
        assertThat(refusal).doesNotContain("940001007").doesNotContain(ACME);
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void anEvolutionInstanceIsPointedAtItsWebhookAndPairsByQrCode() {
        ProviderSimulator providers = MessagingFixture.simulator();
        providers.configure("""
                {"evolution": {"instances": {"acme-vendas": {"token": "acme-instance-token", "state": "close"}}}}""");
        String id = create(Map.of("kind", "WHATSAPP", "provider", "EVOLUTION", "address", "+5511940001008",
                "settings", Map.of("serverUrl", providers.baseUri().toString(), "instance", "acme-vendas"),
                "secrets", Map.of("apiKey", "acme-instance-token", "webhookSecret", "s3cret-acme")));

        given().baseUri(providers.baseUri().toString()).header("apikey", "acme-instance-token")
                .get("/webhook/find/acme-vendas").then().statusCode(200)
                .body("url", equalTo(MessagingTestProfile.PUBLIC_URL + "/webhooks/evolution/" + id))
                .body("headers.x-evolution-secret", equalTo("s3cret-acme"));
        given().get("/api/messaging/channels/" + id + "/connection").then().statusCode(200)
                .body("state", equalTo("close"));
        given().post("/api/messaging/channels/" + id + "/connect").then().statusCode(200)
                .body("base64", notNullValue()).body("code", notNullValue());

        // The phone scans the code: Evolution's connection.update reaches the channel through its webhook.
        providers.pair("acme-vendas", "5511940001008");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/messaging/channels/" + id)
                .then().body("connection", equalTo("open")));
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void anEvolutionInstanceIsToldOnlyAboutAStoredChannelAndAgainWhenWhatItNeedsChanges() {
        ProviderSimulator providers = MessagingFixture.simulator();
        providers.configure("""
                {"evolution": {"instances": {"acme-reg": {"token": "reg-token"},
                                             "acme-reg-2": {"token": "reg-2"}}}}""");
        String address = "+5511940001010";
        int before = given().get("/api/messaging/channels").then().extract().path("size()");

        // The instance refuses (wrong key): nothing is stored.
        given().contentType(ContentType.JSON).body(evolution(address, "acme-reg", "wrong-token", "first-secret"))
                .post("/api/messaging/channels").then().statusCode(502).body("error.code", equalTo("provider_error"));
        given().get("/api/messaging/channels").then().body("size()", equalTo(before));

        String id = create(evolution(address, "acme-reg", "reg-token", "first-secret"));
        webhook(providers, "acme-reg", "reg-token").body("url", equalTo(webhookUrl(id)))
                .body("headers.x-evolution-secret", equalTo("first-secret"));

        // The same sender again is refused before the instance is pointed anywhere else.
        given().contentType(ContentType.JSON).body(evolution(address, "acme-reg", "reg-token", "other-secret"))
                .post("/api/messaging/channels").then().statusCode(409);
        webhook(providers, "acme-reg", "reg-token").body("url", equalTo(webhookUrl(id)))
                .body("headers.x-evolution-secret", equalTo("first-secret"));

        // A new webhook secret reaches the instance.
        given().contentType(ContentType.JSON).body(Map.of("secrets", Map.of("webhookSecret", "second-secret")))
                .patch("/api/messaging/channels/" + id).then().statusCode(200);
        webhook(providers, "acme-reg", "reg-token").body("headers.x-evolution-secret", equalTo("second-secret"));

        // A change the instance refuses changes nothing.
        given().contentType(ContentType.JSON).body(Map.of("secrets", Map.of("apiKey", "wrong-token",
                        "webhookSecret", "third-secret")))
                .patch("/api/messaging/channels/" + id).then().statusCode(502);
        var stored = store.findForWebhook(UUID.fromString(id)).await().indefinitely().orElseThrow();
        assertThat(stored.secret("apiKey")).isEqualTo("reg-token");
        assertThat(stored.secret("webhookSecret")).isEqualTo("second-secret");

        // Another instance: it is pointed at the channel.
        given().contentType(ContentType.JSON).body(Map.of("settings", Map.of("instance", "acme-reg-2"),
                        "secrets", Map.of("apiKey", "reg-2")))
                .patch("/api/messaging/channels/" + id).then().statusCode(200);
        webhook(providers, "acme-reg-2", "reg-2").body("url", equalTo(webhookUrl(id)))
                .body("headers.x-evolution-secret", equalTo("second-secret"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void privateHostsAndOwnBaseUrlsAreRefusedWhereTheDeploymentDoesNotAllowThem() {
        String mailbox = fixture.email(ACME, "hosts@acme.example").id().toString();   // GreenMail on 127.0.0.1
        // This deployment, unlike the tests', allows neither.
        QuarkusMock.installMockForType(new ProviderHosts(false, false, vertx), ProviderHosts.class);
        int before = given().get("/api/messaging/channels").then().extract().path("size()");

        given().contentType(ContentType.JSON).body(evolution("+5511940001011", "acme-private", "k", "s"))
                .post("/api/messaging/channels").then().statusCode(400)
                .body("error.code", equalTo("host_not_allowed")).body("error.details.setting", equalTo("serverUrl"));
        Map<String, Object> ownBaseUrl = new java.util.HashMap<>(meta("+5511940001012", "9990012"));
        ownBaseUrl.put("settings", Map.of("phoneNumberId", "9990012", "baseUrl", "https://graph.example.com"));
        given().contentType(ContentType.JSON).body(ownBaseUrl).post("/api/messaging/channels").then().statusCode(400)
                .body("error.code", equalTo("custom_base_url_not_allowed"));
        given().get("/api/messaging/channels").then().body("size()", equalTo(before));

        // A change naming a private host is refused too; one that names none still works on the saved channel.
        given().contentType(ContentType.JSON).body(Map.of("settings", Map.of("imapHost", "169.254.169.254")))
                .patch("/api/messaging/channels/" + mailbox).then().statusCode(400)
                .body("error.code", equalTo("host_not_allowed"));
        assertThat(store.findForWebhook(UUID.fromString(mailbox)).await().indefinitely().orElseThrow()
                .setting("imapHost")).isEqualTo("127.0.0.1");
        given().contentType(ContentType.JSON).body(Map.of("dailyCap", 7))
                .patch("/api/messaging/channels/" + mailbox).then().statusCode(200).body("dailyCap", equalTo(7));
    }

    private static Map<String, Object> evolution(String address, String instance, String apiKey, String secret) {
        return Map.of("kind", "WHATSAPP", "provider", "EVOLUTION", "address", address,
                "settings", Map.of("serverUrl", MessagingFixture.simulator().baseUri().toString(),
                        "instance", instance),
                "secrets", Map.of("apiKey", apiKey, "webhookSecret", secret));
    }

    private static io.restassured.response.ValidatableResponse webhook(ProviderSimulator providers, String instance,
                                                                        String token) {
        return given().baseUri(providers.baseUri().toString()).header("apikey", token)
                .get("/webhook/find/" + instance).then().statusCode(200);
    }

    private static String webhookUrl(String channelId) {
        return MessagingTestProfile.PUBLIC_URL + "/webhooks/evolution/" + channelId;
    }

    @Test
    @TestSecurity(user = "ana", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = ACME))
    void onlyEvolutionChannelsPair() {
        String id = fixture.metaWhatsApp(ACME, "9990009", "+5511940001009", 1).id().toString();
        given().post("/api/messaging/channels/" + id + "/connect").then().statusCode(409)
                .body("error.code", equalTo("not_evolution"));
    }
}
