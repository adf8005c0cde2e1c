package com.dominusleads.messaging.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.messaging.MessagingFixture;
import com.dominusleads.messaging.MessagingTestProfile;
import com.dominusleads.messaging.domain.ChannelInfo;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.Channels;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.providersimulator.Delivery;
import com.dominusleads.providersimulator.Inbound;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provider webhooks through the real endpoints, as the providers post them (the simulator signs with each one's
 * algorithm): forged, unsigned or expired ones are refused with 401 and leave nothing behind; genuine ones are stored
 * once however often they come.
 */
@QuarkusTest
@TestProfile(MessagingTestProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class WebhookSecurityTest {

    @Inject
    MessagingFixture fixture;

    @Inject
    Channels channels;

    private long inbound(String tenant) {
        return fixture.database().count("select count(*) from message where tenant_id = $1 and direction = 'IN'",
                tenant);
    }

    private static void assertRefused(Delivery delivery) {
        assertThat(delivery.status()).isEqualTo(401);
    }

    @Test
    void metaWebhooksAreCheckedAgainstTheChannelsAppSecret() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        ChannelInfo channel = fixture.metaWhatsApp(tenant, "1065400301", "+5511940004001", 10);
        Inbound reply = new Inbound("meta", "+5511988440001", "1065400301", "Quero saber mais", null, 0);

        assertRefused(providers.inbound(reply.signed(Inbound.Signature.FORGED)));
        assertRefused(providers.inbound(reply.signed(Inbound.Signature.NONE)));
        assertThat(inbound(tenant)).isZero();

        Delivery genuine = providers.inbound(reply);
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(inbound(tenant)).isEqualTo(1);
        // A stranger's message is kept, but it answers no conversation: nothing for leads-service.
        assertThat(fixture.outbox(tenant, "message.replied")).isZero();
        // Meta's verification handshake: the channel's verify token only.
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta/" + channel.id())
                .then().statusCode(403);
        assertThat(given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "verify-me")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta/" + channel.id())
                .then().statusCode(200).extract().asString()).isEqualTo("1158201444");
    }

    @Test
    void twilioWebhooksAreCheckedWithItsRequestValidatorAndStoredOnce() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        fixture.twilio(tenant, ChannelKind.SMS, "+5511940004002", 10);
        Inbound reply = new Inbound("twilio", "+5511988440002", "+5511940004002", "Pode ligar amanhã", null, 0);

        assertRefused(providers.inbound(reply.signed(Inbound.Signature.FORGED)));
        assertRefused(providers.inbound(reply.signed(Inbound.Signature.NONE)));
        assertThat(inbound(tenant)).isZero();

        Delivery genuine = providers.inbound(reply);
        assertThat(genuine.status()).isEqualTo(200);
        providers.resend(genuine.id(), false);
        providers.resend(genuine.id(), true);
        assertThat(inbound(tenant)).isEqualTo(1);
    }

    @Test
    void evolutionWebhooksNeedTheInstancesSecretAndAFreshJwt() {
        String tenant = ServiceDatabase.newTenant();
        ProviderSimulator providers = MessagingFixture.simulator();
        providers.configure("""
                {"evolution": {"instances": {"sec-%s": {"token": "token-%s", "state": "open"}}}}"""
                .formatted(tenant, tenant));
        channels.create(tenant, new Channels.Definition(ChannelKind.WHATSAPP, Provider.EVOLUTION, "+5511940004003",
                "Evolution", Map.of("serverUrl", providers.baseUri().toString(), "instance", "sec-" + tenant),
                Map.of("apiKey", "token-" + tenant, "webhookSecret", "secret-" + tenant,
                        "jwtKey", "a-jwt-key-of-at-least-32-bytes-for-hs256"), 100, 10)).await().indefinitely();
        Inbound reply = new Inbound("evolution", "+5511988440003", "sec-" + tenant, "Tenho interesse", null, 0);

        assertRefused(providers.inbound(reply.signed(Inbound.Signature.FORGED)));
        assertRefused(providers.inbound(reply.signed(Inbound.Signature.NONE)));
        assertRefused(providers.inbound(reply.withJwtAge(900)));
        assertThat(inbound(tenant)).isZero();

        assertThat(providers.inbound(reply).status()).isEqualTo(200);
        assertThat(inbound(tenant)).isEqualTo(1);
    }

    @Test
    void anUnknownChannelIsNotFound() {
        given().contentType("application/json").body("{}")
                .post("/webhooks/meta/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
        given().contentType("application/x-www-form-urlencoded").body("Body=oi")
                .post("/webhooks/twilio/not-a-channel").then().statusCode(404);
    }
}
