package com.dominusleads.messaging.provider.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's webhooks as the provider simulator posts them, checked with twilio-java's own RequestValidator. */
class TwilioWebhooksTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String TOKEN = "twilio-auth-token-test";
    private static final String SMS_NUMBER = "+15005550006";
    private static final String WHATSAPP_NUMBER = "whatsapp:+14155238886";
    private static final String CONTACT = "+5511987654321";
    private static final String UNREACHABLE = "+5511912340000";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static WebhookReceiver receiver;
    private static ProviderSimulator providers;
    private static Channel sms;
    private static Channel whatsapp;
    private final TwilioWebhooks webhooks = new TwilioWebhooks(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sms = channel(ChannelKind.SMS, SMS_NUMBER);
        whatsapp = channel(ChannelKind.WHATSAPP, "+14155238886");
        providers = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"twilio": {"accounts": {"%1$s": "%2$s"},
                            "numbers": {"%3$s": {"inboundUrl": "%5$s/webhooks/twilio/%6$s", "accountSid": "%1$s"},
                                        "%4$s": {"inboundUrl": "%5$s/webhooks/twilio/%7$s", "accountSid": "%1$s"}}},
                 "outcomes": {"script": {"%8$s": {"sms": "invalid_number"}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0, "jitterMillis": 0}}"""
                .formatted(ACCOUNT, TOKEN, SMS_NUMBER, WHATSAPP_NUMBER, receiver.base(), sms.id(), whatsapp.id(),
                        UNREACHABLE)));
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
    void anInboundWhatsAppMessageIsVerifiedAndRead() {
        var delivery = providers.inbound(new Inbound("twilio", CONTACT, WHATSAPP_NUMBER, "Quero saber mais, é já?",
                Inbound.Signature.VALID, 0));
        WebhookReceiver.Received posted = receiver.only("/webhooks/twilio/" + whatsapp.id());
        Map<String, String> params = TwilioForm.parse(posted.raw());

        assertThat(webhooks.verify(whatsapp, posted.url(), params, posted.header("X-Twilio-Signature")))
                .isTrue();
        assertThat(webhooks.parseInbound(params)).containsExactly(new InboundMessage(Provider.TWILIO,
                ChannelKind.WHATSAPP, delivery.messageId(), CONTACT, "+14155238886", "Quero saber mais, é já?", NOW,
                null));
    }

    @Test
    void anInboundSmsIsVerifiedAndRead() {
        providers.inbound(new Inbound("twilio", CONTACT, SMS_NUMBER, "PARE", Inbound.Signature.VALID, 0));
        WebhookReceiver.Received posted = receiver.only("/webhooks/twilio/" + sms.id());
        Map<String, String> params = TwilioForm.parse(posted.raw());

        assertThat(webhooks.verify(sms, posted.url(), params, posted.header("X-Twilio-Signature"))).isTrue();
        assertThat(webhooks.parseInbound(params)).singleElement().isInstanceOfSatisfying(InboundMessage.class,
                message -> {
                    assertThat(message.kind()).isEqualTo(ChannelKind.SMS);
                    assertThat(message.from()).isEqualTo(CONTACT);
                    assertThat(message.to()).isEqualTo(SMS_NUMBER);
                    assertThat(message.text()).isEqualTo("PARE");
                    assertThat(message.providerMessageId()).startsWith("SM");
                });
    }

    @Test
    void forgedMissingTamperedAndWrongUrlSignaturesAreRefused() {
        providers.inbound(new Inbound("twilio", CONTACT, SMS_NUMBER, "oi", Inbound.Signature.FORGED, 0));
        providers.inbound(new Inbound("twilio", CONTACT, SMS_NUMBER, "oi", Inbound.Signature.NONE, 0));
        providers.inbound(new Inbound("twilio", CONTACT, SMS_NUMBER, "oi", Inbound.Signature.VALID, 0));
        List<WebhookReceiver.Received> posted = receiver.received();
        WebhookReceiver.Received forged = posted.get(0);
        WebhookReceiver.Received unsigned = posted.get(1);
        WebhookReceiver.Received valid = posted.get(2);
        String signature = valid.header("X-Twilio-Signature");

        assertThat(webhooks.verify(sms, forged.url(), TwilioForm.parse(forged.raw()),
                forged.header("X-Twilio-Signature"))).isFalse();
        assertThat(unsigned.header("X-Twilio-Signature")).isNull();
        assertThat(webhooks.verify(sms, unsigned.url(), TwilioForm.parse(unsigned.raw()), null)).isFalse();
        assertThat(webhooks.verify(sms, valid.url(), TwilioForm.parse(valid.raw()), signature)).isTrue();
        assertThat(webhooks.verify(sms, valid.url(), TwilioForm.parse(Tampering.tampered(valid.raw())), signature))
                .isFalse();
        // The URL as this service sees it behind a proxy is not the one Twilio signed.
        assertThat(webhooks.verify(sms, "http://10.0.0.5:18205" + URI.create(valid.url()).getRawPath(),
                TwilioForm.parse(valid.raw()), signature)).isFalse();
        Channel otherAccount = TestChannels.channel(ChannelKind.SMS, Provider.TWILIO, SMS_NUMBER,
                Map.of(TwilioChannelKeys.ACCOUNT_SID, ACCOUNT), Map.of(TwilioChannelKeys.AUTH_TOKEN, "other-token"));
        assertThat(webhooks.verify(otherAccount, valid.url(), TwilioForm.parse(valid.raw()), signature))
                .isFalse();
    }

    @Test
    void anUndeliveredSmsStatusCarriesErrorCode30003AndOurMessageId() throws Exception {
        UUID ours = UUID.randomUUID();
        String callback = receiver.base() + "/webhooks/twilio/" + sms.id() + "/status/" + ours + "?attempt=1";
        String sid = send(UNREACHABLE, callback);
        assertThat(providers.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<ProviderEvent> events = receiver.received().stream().map(posted -> {
            Map<String, String> params = TwilioForm.parse(posted.raw());
            assertThat(URI.create(posted.url()).getRawQuery()).isEqualTo("attempt=1");
            assertThat(webhooks.verify(sms, posted.url(), params, posted.header("X-Twilio-Signature")))
                    .isTrue();
            return webhooks.parseStatus(params, ours);
        }).flatMap(List::stream).toList();

        assertThat(events).last().isEqualTo(new StatusUpdate(Provider.TWILIO, sid, ours, DeliveryStatus.FAILED,
                "30003", null, NOW));
    }

    @Test
    void statusesMapToOursAndTwiliosOwnStagesGiveNone() {
        UUID ours = UUID.randomUUID();
        assertThat(statuses(ours, "queued", "accepted", "sending", "receiving")).isEmpty();
        assertThat(statuses(ours, "sent", "delivered", "read", "failed")).extracting(StatusUpdate::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ,
                        DeliveryStatus.FAILED);
        assertThat(webhooks.parseStatus(Map.of("MessageSid", "SM1", "MessageStatus", "failed", "ErrorCode", "63003"),
                ours)).singleElement().extracting(e -> ((StatusUpdate) e).errorCode()).isEqualTo("63003");
    }

    private List<StatusUpdate> statuses(UUID ours, String... twilioStatuses) {
        return List.of(twilioStatuses).stream()
                .flatMap(status -> webhooks.parseStatus(Map.of("MessageSid", "SM1", "MessageStatus", status), ours)
                        .stream())
                .map(StatusUpdate.class::cast).toList();
    }

    /** What TwilioWebhookResource rebuilds: the public URL (here the receiver's) + path + query as requested. */
    private static Channel channel(ChannelKind kind, String number) {
        return TestChannels.channel(kind, Provider.TWILIO, number, Map.of(TwilioChannelKeys.ACCOUNT_SID, ACCOUNT),
                Map.of(TwilioChannelKeys.AUTH_TOKEN, TOKEN));
    }

    /** Sends an SMS through the simulated Twilio API; its SM… sid. */
    private static String send(String to, String statusCallback) throws Exception {
        String form = Map.of("To", to, "From", SMS_NUMBER, "Body", "Olá", "StatusCallback", statusCallback)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(providers.baseUri() + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return new io.vertx.core.json.JsonObject(response.body()).getString("sid");
    }
}
