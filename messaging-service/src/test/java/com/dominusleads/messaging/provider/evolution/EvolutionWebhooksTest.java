package com.dominusleads.messaging.provider.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.ConnectionChanged;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.TestChannels;
import com.dominusleads.providersimulator.Inbound;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.SimulatorOptions;
import com.dominusleads.simulatorkit.WebhookReceiver;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evolution API webhooks as the provider simulator posts them (custom header and Evolution 2.3.7's HS256 JWT). */
class EvolutionWebhooksTest {

    private static final String INSTANCE = "acme";
    private static final String TOKEN = "acme-instance-token";
    private static final String SECRET = "evo-webhook-secret";
    private static final String JWT_KEY = "a-jwt-key-of-at-least-32-bytes-0123456789";
    private static final String CONTACT = "+5511987654321";

    private static WebhookReceiver receiver;
    private static ProviderSimulator providers;
    private static Channel channel;
    private final EvolutionWebhooks webhooks = new EvolutionWebhooks();

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        channel = channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, TOKEN,
                EvolutionChannelKeys.WEBHOOK_SECRET, SECRET, EvolutionChannelKeys.JWT_KEY, JWT_KEY));
        providers = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"evolution": {"instances": {"%s": {"token": "%s", "number": "5511940000001", "state": "open",
                   "webhook": {"url": "%s/webhooks/evolution/%s", "enabled": true, "byEvents": false,
                               "headers": {"x-evolution-secret": "%s", "jwt_key": "%s"}}}}},
                 "outcomes": {"script": {"%s": "interested"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0, "jitterMillis": 0}}"""
                .formatted(INSTANCE, TOKEN, receiver.base(), channel.id(), SECRET, JWT_KEY, CONTACT)));
    }

    @AfterAll
    static void stop() {
        providers.close();
        receiver.close();
    }

    @BeforeEach
    void forget() {
        providers.reset(true);
        receiver.clear();
    }

    @Test
    void aContactsMessageIsVerifiedAndRead() {
        var delivery = providers.inbound(new Inbound("evolution", CONTACT, INSTANCE, "Tenho interesse, ação já ✅",
                Inbound.Signature.VALID, 0));
        WebhookReceiver.Received posted = receiver.only("/webhooks/evolution/" + channel.id());
        JsonObject body = webhooks.readBody(posted.raw());

        assertThat(posted.header("Authorization")).startsWith("Bearer ");
        assertThat(webhooks.verify(channel, posted.headers(), body)).isTrue();
        assertThat(webhooks.parse(body)).singleElement().isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.provider()).isEqualTo(Provider.EVOLUTION);
            assertThat(message.kind()).isEqualTo(ChannelKind.WHATSAPP);
            assertThat(message.providerMessageId()).isEqualTo(delivery.messageId());
            assertThat(message.from()).isEqualTo(CONTACT);
            assertThat(message.to()).isEqualTo(INSTANCE);
            assertThat(message.text()).isEqualTo("Tenho interesse, ação já ✅");
            assertThat(message.at()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        });
    }

    @Test
    void forgedMissingAndStaleCredentialsAreRefused() {
        WebhookReceiver.Received forged = post(Inbound.Signature.FORGED, 0);
        WebhookReceiver.Received unsigned = post(Inbound.Signature.NONE, 0);
        WebhookReceiver.Received stale = post(Inbound.Signature.VALID, 900);
        WebhookReceiver.Received valid = post(Inbound.Signature.VALID, 0);

        assertThat(verify(channel, forged)).isFalse();
        assertThat(unsigned.header("Authorization")).isNull();
        assertThat(verify(channel, unsigned)).isFalse();
        assertThat(verify(channel, stale)).isFalse();
        assertThat(verify(channel, valid)).isTrue();

        // Each mechanism alone, as a channel configured with only that one checks it.
        Channel secretOnly = channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, TOKEN,
                EvolutionChannelKeys.WEBHOOK_SECRET, SECRET));
        Channel jwtOnly = channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, TOKEN,
                EvolutionChannelKeys.JWT_KEY, JWT_KEY));
        assertThat(verify(secretOnly, stale)).isTrue();
        assertThat(verify(secretOnly, forged)).isFalse();
        assertThat(verify(jwtOnly, stale)).isFalse();
        assertThat(verify(jwtOnly, valid)).isTrue();
        assertThat(verify(jwtOnly, withoutHeader(valid, EvolutionWebhooks.SECRET_HEADER))).isTrue();
        assertThat(verify(channel, withoutHeader(valid, EvolutionWebhooks.SECRET_HEADER))).isFalse();
        assertThat(verify(channel, withoutHeader(valid, "authorization"))).isFalse();
        // Neither configured: refused, whatever the request holds.
        assertThat(verify(channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, TOKEN)), valid)).isFalse();
    }

    @Test
    void theBodyMustNameTheChannelsInstanceAndToken() {
        WebhookReceiver.Received valid = post(Inbound.Signature.VALID, 0);
        Map<String, String> secrets = Map.of(EvolutionChannelKeys.API_KEY, TOKEN,
                EvolutionChannelKeys.WEBHOOK_SECRET, SECRET, EvolutionChannelKeys.JWT_KEY, JWT_KEY);
        JsonObject body = webhooks.readBody(valid.raw());

        assertThat(webhooks.verify(channel(INSTANCE, secrets), valid.headers(), body)).isTrue();
        assertThat(webhooks.verify(channel("other-instance", secrets), valid.headers(), body)).isFalse();
        assertThat(webhooks.verify(channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, "another-token",
                EvolutionChannelKeys.WEBHOOK_SECRET, SECRET)), valid.headers(), body)).isFalse();
        assertThat(webhooks.verify(channel, valid.headers(), body.copy().put("apikey", "stolen"))).isFalse();
        assertThat(webhooks.verify(channel, valid.headers(), body.copy().put("instance", "other"))).isFalse();
    }

    @Test
    void aJwtMustBeEvolutionsWebhookTokenSignedWithTheKey() throws Exception {
        WebhookReceiver.Received valid = post(Inbound.Signature.VALID, 0);
        Channel jwtOnly = channel(INSTANCE, Map.of(EvolutionChannelKeys.API_KEY, TOKEN,
                EvolutionChannelKeys.JWT_KEY, JWT_KEY));

        assertThat(verify(jwtOnly, withBearer(valid, jwt(JWT_KEY, "evolution", 600)))).isTrue();
        assertThat(verify(jwtOnly, withBearer(valid, jwt(JWT_KEY, "someone-else", 600)))).isFalse();
        assertThat(verify(jwtOnly, withBearer(valid, jwt(JWT_KEY, "evolution", 86_400)))).isFalse();
        assertThat(verify(jwtOnly, withBearer(valid, jwt("another-key-of-at-least-32-bytes-000000", "evolution",
                600)))).isFalse();
        assertThat(verify(jwtOnly, withBearer(valid, "not.a.jwt"))).isFalse();
    }

    @Test
    void ourMessagesStatusesAndTheReplyAreRead() throws Exception {
        String keyId = sendText(CONTACT);
        assertThat(providers.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<ProviderEvent> events = receiver.received().stream().map(posted -> {
            JsonObject body = webhooks.readBody(posted.raw());
            assertThat(webhooks.verify(channel, posted.headers(), body)).isTrue();
            return webhooks.parse(body);
        }).flatMap(List::stream).toList();

        assertThat(events).filteredOn(StatusUpdate.class::isInstance).map(StatusUpdate.class::cast)
                .allSatisfy(status -> assertThat(status.providerMessageId()).isEqualTo(keyId))
                .extracting(StatusUpdate::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(events).filteredOn(InboundMessage.class::isInstance).singleElement()
                .extracting(e -> ((InboundMessage) e).text()).isEqualTo("Sim, tenho interesse. Pode me ligar?");
        assertThat(events).hasSize(4);   // the send.message echo gives none
    }

    @Test
    void connectionChangesAreRead() {
        providers.disconnect(INSTANCE);
        providers.pair(INSTANCE, "5511940000001");

        assertThat(receiver.received()).extracting(posted -> webhooks.parse(webhooks.readBody(posted.raw())))
                .filteredOn(events -> !events.isEmpty())
                .extracting(events -> ((ConnectionChanged) events.getFirst()).state())
                .containsExactly("close", "open");
    }

    @Test
    void webhooksByEventsArriveUnderTheEventsSuffix() {
        providers.configure("""
                {"evolution": {"instances": {"%s": {"webhook": {"byEvents": true}}}}}""".formatted(INSTANCE));
        providers.inbound(new Inbound("evolution", CONTACT, INSTANCE, "oi", Inbound.Signature.VALID, 0));
        WebhookReceiver.Received posted = receiver.only("/webhooks/evolution/" + channel.id() + "/messages-upsert");

        assertThat(verify(channel, posted)).isTrue();
        assertThat(webhooks.parse(webhooks.readBody(posted.raw()))).singleElement()
                .extracting(e -> ((InboundMessage) e).text()).isEqualTo("oi");
    }

    @Test
    void lidContactsAreReadByTheirPhoneAndOwnGroupAndBroadcastMessagesIgnored() {
        JsonObject upserts = new JsonObject("""
                {"event": "MESSAGES_UPSERT", "instance": "acme", "data": [
                  {"key": {"remoteJid": "123456789012345@lid", "fromMe": false, "id": "LID1", "addressingMode": "lid",
                           "remoteJidAlt": "5511987654321@s.whatsapp.net"},
                   "message": {"extendedTextMessage": {"text": "por LID"}}, "messageTimestamp": "1717689097"},
                  {"key": {"remoteJid": "223456789012345@lid", "fromMe": false, "id": "LID2",
                           "senderPn": "556199998888@s.whatsapp.net"},
                   "message": {"conversation": "sem o nove"}, "messageTimestamp": 1717689098},
                  {"key": {"remoteJid": "323456789012345@lid", "fromMe": false, "id": "LID3"},
                   "message": {"conversation": "sem número"}},
                  {"key": {"remoteJid": "5511987654321@s.whatsapp.net", "fromMe": true, "id": "OURS"},
                   "message": {"conversation": "nosso eco"}},
                  {"key": {"remoteJid": "120363025246125486@g.us", "fromMe": false, "id": "GROUP",
                           "participant": "5511987654321@s.whatsapp.net"}, "message": {"conversation": "grupo"}},
                  {"key": {"remoteJid": "status@broadcast", "fromMe": false, "id": "STATUS"},
                   "message": {"conversation": "story"}},
                  {"key": {"remoteJid": "5511987654321:12@s.whatsapp.net", "fromMe": false, "id": "IMG"},
                   "message": {"imageMessage": {"mimetype": "image/jpeg"}}, "messageTimestamp": 1717689099}]}""");

        assertThat(webhooks.parse(upserts)).containsExactly(
                new InboundMessage(Provider.EVOLUTION, ChannelKind.WHATSAPP, "LID1", "+5511987654321", "acme",
                        "por LID", Instant.ofEpochSecond(1717689097), null),
                new InboundMessage(Provider.EVOLUTION, ChannelKind.WHATSAPP, "LID2", "+5561999998888", "acme",
                        "sem o nove", Instant.ofEpochSecond(1717689098), null),
                new InboundMessage(Provider.EVOLUTION, ChannelKind.WHATSAPP, "IMG", "+5511987654321", "acme", "",
                        Instant.ofEpochSecond(1717689099), null));
    }

    @Test
    void olderStatusShapesAndUnknownEventsAreReadTolerantly() {
        Instant at = Instant.parse("2024-06-06T12:51:37.123Z");
        JsonObject update = new JsonObject("""
                {"event": "messages.update", "instance": "acme", "date_time": "2024-06-06T12:51:37.123Z", "data": [
                  {"key": {"id": "OLD1", "remoteJid": "5511987654321@s.whatsapp.net", "fromMe": true},
                   "status": "PLAYED"},
                  {"keyId": "NEW1", "fromMe": true, "status": 3},
                  {"keyId": "NEW2", "fromMe": true, "status": "ERROR"},
                  {"keyId": "THEIRS", "fromMe": false, "status": "READ"},
                  {"keyId": "NEW3", "fromMe": true, "status": "PENDING"}]}""");

        assertThat(webhooks.parse(update)).containsExactly(
                new StatusUpdate(Provider.EVOLUTION, "OLD1", null, DeliveryStatus.READ, null, null, at),
                new StatusUpdate(Provider.EVOLUTION, "NEW1", null, DeliveryStatus.DELIVERED, null, null, at),
                new StatusUpdate(Provider.EVOLUTION, "NEW2", null, DeliveryStatus.FAILED, null, null, at));
        assertThat(webhooks.parse(new JsonObject("""
                {"event": "qrcode.updated", "instance": "acme", "data": {"qrcode": {"code": "2@x"}}}"""))).isEmpty();
        assertThat(webhooks.parse(new JsonObject("{\"instance\": \"acme\"}"))).isEmpty();
        assertThatThrownBy(() -> webhooks.readBody("{\"event\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> webhooks.readBody("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> webhooks.parse(new JsonObject("""
                {"event": "messages.upsert", "instance": "acme", "data": {"key": "not an object"}}""")))
                .isInstanceOf(MalformedPayloadException.class);
    }

    private WebhookReceiver.Received post(Inbound.Signature signature, long jwtAgeSeconds) {
        receiver.clear();
        providers.inbound(new Inbound("evolution", CONTACT, INSTANCE, "oi", signature, jwtAgeSeconds));
        return receiver.only("/webhooks/evolution/" + channel.id());
    }

    private boolean verify(Channel channel, WebhookReceiver.Received posted) {
        return webhooks.verify(channel, posted.headers(), webhooks.readBody(posted.raw()));
    }

    private static WebhookReceiver.Received withoutHeader(WebhookReceiver.Received posted, String name) {
        Map<String, String> headers = new HashMap<>(posted.headers());
        headers.remove(name);
        return new WebhookReceiver.Received(posted.method(), posted.url(), headers, posted.raw());
    }

    private static WebhookReceiver.Received withBearer(WebhookReceiver.Received posted, String jwt) {
        Map<String, String> headers = new HashMap<>(posted.headers());
        headers.put("authorization", "Bearer " + jwt);
        return new WebhookReceiver.Received(posted.method(), posted.url(), headers, posted.raw());
    }

    private static String jwt(String key, String app, long lifetimeSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        long now = Instant.now().getEpochSecond();
        claims.setClaim("iat", now);
        claims.setClaim("exp", now + lifetimeSeconds);
        claims.setClaim("app", app);
        claims.setClaim("action", "webhook");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    private static Channel channel(String instance, Map<String, String> secrets) {
        return TestChannels.channel(ChannelKind.WHATSAPP, Provider.EVOLUTION, "+5511940000001",
                Map.of(EvolutionChannelKeys.SERVER_URL, "http://127.0.0.1:8080", EvolutionChannelKeys.INSTANCE,
                        instance), secrets);
    }

    /** Sends a text through the simulated Evolution API; the message's key id. */
    private static String sendText(String to) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(providers.baseUri() + "/message/sendText/" + INSTANCE))
                .header("apikey", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"" + to.substring(1) + "\",\"text\":\"Olá\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return new JsonObject(response.body()).getJsonObject("key").getString("id");
    }
}
