package com.dominusleads.messaging.provider.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.Tampering;
import com.dominusleads.messaging.provider.TestChannels;
import com.dominusleads.providersimulator.Inbound;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.SimulatorOptions;
import com.dominusleads.simulatorkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meta's webhooks as the provider simulator posts them: signed over Meta's exact serialisation. */
class MetaWebhooksTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String APP_SECRET = "meta-app-secret-test";
    private static final String INTERESTED = "+5511987654321";
    private static final String INVALID = "+5511912340000";

    private static WebhookReceiver receiver;
    private static ProviderSimulator providers;
    private static Channel channel;
    private final MetaWebhooks webhooks = new MetaWebhooks();

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        channel = TestChannels.channel(ChannelKind.WHATSAPP, Provider.META, "+5511999990000",
                Map.of(MetaChannelKeys.PHONE_NUMBER_ID, PHONE_NUMBER_ID),
                Map.of(MetaChannelKeys.APP_SECRET, APP_SECRET, MetaChannelKeys.VERIFY_TOKEN, "verify-me"));
        providers = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"meta": {"appSecret": "%s", "webhookUrl": "%s/webhooks/meta/%s"},
                 "outcomes": {"script": {"%s": "interested", "%s": "invalid_number"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0, "jitterMillis": 0}}"""
                .formatted(APP_SECRET, receiver.base(), channel.id(), INTERESTED, INVALID)));
    }

    @AfterAll
    static void stop() {
        providers.close();
        receiver.close();
    }

    @BeforeEach
    void forget() {
        providers.reset();
        receiver.clear();
    }

    @Test
    void aReplyWithAccentsAndEmojiVerifiesOnItsRawBytesAndReadsExactly() {
        String text = "Olá! Não sei… talvez amanhã 👍🏽 \"ação\" / R$ 10";
        var delivery = providers.inbound(new Inbound("meta", INTERESTED, PHONE_NUMBER_ID, text,
                Inbound.Signature.VALID, 0));
        WebhookReceiver.Received posted = receiver.only("/webhooks/meta/" + channel.id());

        assertThat(new String(posted.raw(), StandardCharsets.US_ASCII)).contains("Ol\\u00e1", "\\/");
        assertThat(webhooks.verify(channel, posted.raw(), posted.header("X-Hub-Signature-256"))).isTrue();
        assertThat(webhooks.parse(posted.raw())).singleElement().isInstanceOfSatisfying(InboundMessage.class,
                message -> {
                    assertThat(message.provider()).isEqualTo(Provider.META);
                    assertThat(message.kind()).isEqualTo(ChannelKind.WHATSAPP);
                    assertThat(message.providerMessageId()).isEqualTo(delivery.messageId()).startsWith("wamid.");
                    assertThat(message.from()).isEqualTo(INTERESTED);
                    assertThat(message.to()).isEqualTo(PHONE_NUMBER_ID);
                    assertThat(message.text()).isEqualTo(text);
                    assertThat(message.at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                            Duration.ofMinutes(1)));
                    assertThat(message.inReplyTo()).isNull();
                });
    }

    @Test
    void forgedMissingAndTamperedSignaturesAreRefused() {
        providers.inbound(new Inbound("meta", INTERESTED, PHONE_NUMBER_ID, "oi", Inbound.Signature.FORGED, 0));
        providers.inbound(new Inbound("meta", "+5511987650000", PHONE_NUMBER_ID, "oi", Inbound.Signature.NONE, 0));
        providers.inbound(new Inbound("meta", "+5511987651111", PHONE_NUMBER_ID, "oi", Inbound.Signature.VALID, 0));
        List<WebhookReceiver.Received> posted = receiver.received();
        WebhookReceiver.Received forged = posted.get(0);
        WebhookReceiver.Received unsigned = posted.get(1);
        WebhookReceiver.Received valid = posted.get(2);

        assertThat(forged.header("X-Hub-Signature-256")).startsWith("sha256=");
        assertThat(webhooks.verify(channel, forged.raw(), forged.header("X-Hub-Signature-256"))).isFalse();
        assertThat(unsigned.header("X-Hub-Signature-256")).isNull();
        assertThat(webhooks.verify(channel, unsigned.raw(), null)).isFalse();
        String signature = valid.header("X-Hub-Signature-256");
        assertThat(webhooks.verify(channel, valid.raw(), signature)).isTrue();
        assertThat(webhooks.verify(channel, Tampering.tampered(valid.raw()), signature)).isFalse();
        assertThat(webhooks.verify(channel, valid.raw(), signature.substring("sha256=".length()))).isFalse();
        assertThat(webhooks.verify(channel, valid.raw(), "sha256=not-hex")).isFalse();
        assertThat(webhooks.verify(channel, valid.raw(), "sha256=" + "ab".repeat(20))).isFalse();
        Channel otherApp = TestChannels.channel(ChannelKind.WHATSAPP, Provider.META, "+5511999990000",
                Map.of(MetaChannelKeys.PHONE_NUMBER_ID, PHONE_NUMBER_ID),
                Map.of(MetaChannelKeys.APP_SECRET, "another-app"));
        assertThat(webhooks.verify(otherApp, valid.raw(), signature)).isFalse();
    }

    @Test
    void theSignatureIsHexHmacSha256OfTheBodyWithTheAppSecret() {
        // Independent vector (openssl): HMAC-SHA256(key "secret", "test").
        Channel channel = TestChannels.channel(ChannelKind.WHATSAPP, Provider.META, "+5511999990000",
                Map.of(MetaChannelKeys.PHONE_NUMBER_ID, "1"), Map.of(MetaChannelKeys.APP_SECRET, "secret"));
        String vector = "0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914";

        assertThat(webhooks.verify(channel, "test".getBytes(StandardCharsets.UTF_8), "sha256=" + vector)).isTrue();
        assertThat(webhooks.verify(channel, "test".getBytes(StandardCharsets.UTF_8),
                "sha256=" + vector.toUpperCase())).isTrue();
    }

    @Test
    void deliveryStatusesIncludingFailed131026AreRead() throws Exception {
        String delivered = send(INTERESTED);
        String undeliverable = send(INVALID);
        assertThat(providers.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<ProviderEvent> events = receiver.received().stream()
                .peek(r -> assertThat(webhooks.verify(channel, r.raw(), r.header("X-Hub-Signature-256"))).isTrue())
                .flatMap(r -> webhooks.parse(r.raw()).stream()).toList();

        assertThat(events).filteredOn(e -> e instanceof StatusUpdate s && s.providerMessageId().equals(delivered))
                .extracting(e -> ((StatusUpdate) e).status())
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(events).filteredOn(e -> e instanceof StatusUpdate s && s.providerMessageId().equals(undeliverable))
                .singleElement().isInstanceOfSatisfying(StatusUpdate.class, failed -> {
                    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(failed.errorCode()).isEqualTo("131026");
                    assertThat(failed.errorTitle()).isEqualTo("Message undeliverable");
                    // The installed simulator does not echo biz_opaque_callback_data yet: see the next test.
                    assertThat(failed.messageId()).isNull();
                });
        assertThat(events).filteredOn(InboundMessage.class::isInstance).singleElement()
                .extracting(e -> ((InboundMessage) e).text()).isEqualTo("Sim, tenho interesse. Pode me ligar?");
    }

    @Test
    void ourMessageIdComesBackInBizOpaqueCallbackData() {
        // Built by hand (the installed simulator does not echo biz_opaque_callback_data yet) and signed here.
        UUID ours = UUID.randomUUID();
        byte[] body = ("""
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"5511999990000",
                 "phone_number_id":"%s"},"statuses":[
                  {"id":"wamid.A","status":"failed","timestamp":"1750263773","recipient_id":"5511987654321",
                   "biz_opaque_callback_data":"%s","errors":[{"code":131026,"title":"Message undeliverable",
                   "message":"Message undeliverable","error_data":{"details":"Message Undeliverable."}}]},
                  {"id":"wamid.B","status":"delivered","timestamp":"1750263774","recipient_id":"5511987654321",
                   "biz_opaque_callback_data":"campaign-7"},
                  {"id":"wamid.C","status":"deleted","timestamp":"1750263775"}]}}]}]}"""
                .formatted(PHONE_NUMBER_ID, ours)).getBytes(StandardCharsets.UTF_8);

        assertThat(webhooks.verify(channel, body, sign(APP_SECRET, body))).isTrue();
        assertThat(webhooks.parse(body)).containsExactly(
                new StatusUpdate(Provider.META, "wamid.A", ours, DeliveryStatus.FAILED, "131026",
                        "Message undeliverable", Instant.ofEpochSecond(1750263773)),
                new StatusUpdate(Provider.META, "wamid.B", null, DeliveryStatus.DELIVERED, null, null,
                        Instant.ofEpochSecond(1750263774)));
    }

    @Test
    void buttonInteractiveAndMediaRepliesAreReadAndEventsAreGroupedByPhoneNumberId() {
        byte[] body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                 {"field":"messages","value":{"metadata":{"phone_number_id":"111"},"messages":[
                  {"from":"5511987654321","id":"wamid.1","timestamp":"1749416383","type":"button",
                   "button":{"payload":"INTERESTED","text":"Tenho interesse"}},
                  {"from":"556199998888","id":"wamid.2","timestamp":"1749416384","type":"interactive",
                   "interactive":{"type":"button_reply","button_reply":{"id":"opt_out","title":"Não quero"}}},
                  {"from":"5511987654321","id":"wamid.3","timestamp":"1749416385","type":"interactive",
                   "interactive":{"type":"list_reply","list_reply":{"id":"r2","title":"Amanhã"}}},
                  {"from":"5511987654321","id":"wamid.4","timestamp":"1749416386","type":"image",
                   "image":{"id":"media-1","mime_type":"image/jpeg"}},
                  {"user_id":"BR.1502576394655843","id":"wamid.5","timestamp":"1749416387","type":"text",
                   "text":{"body":"sem número"}}]}},
                 {"field":"messages","value":{"metadata":{"phone_number_id":"222"},"messages":[
                  {"from":"5511987654321","id":"wamid.6","timestamp":"1749416388","type":"text",
                   "text":{"body":"para o outro número"}}]}}]}]}""".getBytes(StandardCharsets.UTF_8);

        Map<String, List<ProviderEvent>> byNumber = webhooks.parseByPhoneNumberId(body);

        assertThat(byNumber).containsOnlyKeys("111", "222");
        assertThat(byNumber.get("111")).extracting(e -> ((InboundMessage) e).text())
                .containsExactly("Tenho interesse", "Não quero", "Amanhã", "");
        assertThat(byNumber.get("111")).extracting(e -> ((InboundMessage) e).from())
                .containsExactly("+5511987654321", "+5561999998888", "+5511987654321", "+5511987654321");
        assertThat(byNumber.get("222")).singleElement()
                .isEqualTo(new InboundMessage(Provider.META, ChannelKind.WHATSAPP, "wamid.6", "+5511987654321", "222",
                        "para o outro número", Instant.ofEpochSecond(1749416388), null));
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> webhooks.parse("{\"entry\": [".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> webhooks.parse("{\"entry\": [\"x\"]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class);
        assertThat(webhooks.parse("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void theSubscriptionChallengeIsEchoedOnlyForTheChannelsVerifyToken() {
        assertThat(webhooks.verifyChallenge(channel, "subscribe", "verify-me", "1158201444")).contains("1158201444");
        assertThat(webhooks.verifyChallenge(channel, "subscribe", "verify-you", "1158201444")).isEmpty();
        assertThat(webhooks.verifyChallenge(channel, "subscribe", null, "1158201444")).isEmpty();
        assertThat(webhooks.verifyChallenge(channel, "unsubscribe", "verify-me", "1158201444")).isEmpty();
        assertThat(webhooks.verifyChallenge(channel, "subscribe", "verify-me", null)).isEmpty();
    }

    /** Sends a text through the simulated Cloud API; its wamid. */
    private static String send(String to) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(providers.baseUri() + "/v21.0/" + PHONE_NUMBER_ID + "/messages"))
                .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"messaging_product":"whatsapp","to":"%s","type":"text","text":{"body":"Olá"}}"""
                        .formatted(to))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new io.vertx.core.json.JsonObject(response.body())
                .getJsonArray("messages").getJsonObject(0).getString("id");
    }

    private static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
