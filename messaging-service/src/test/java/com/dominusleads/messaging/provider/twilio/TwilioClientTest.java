package com.dominusleads.messaging.provider.twilio;

import static com.dominusleads.messaging.provider.ProviderTesting.await;
import static com.dominusleads.messaging.provider.ProviderTesting.closedPort;
import static com.dominusleads.messaging.provider.ProviderTesting.http;
import static com.dominusleads.messaging.provider.ProviderTesting.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderFailures;
import com.dominusleads.messaging.provider.Reconciliation;
import com.dominusleads.messaging.provider.SendResult;
import com.dominusleads.providersimulator.Delivery;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.Send;
import com.dominusleads.providersimulator.SimulatorOptions;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioClientTest {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String SMS_NUMBER = "+15005550006";
    static final String WHATSAPP_NUMBER = "+14155238886";

    private Vertx vertx;
    private ProviderSimulator simulator;
    private String publicUrl;
    private TwilioClient twilio;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"twilio": {"accounts": {"%s": "%s"}},
                 "outcomes": {"script": {"+5511999990001": "silence", "+551130000002": "landline"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""".formatted(ACCOUNT_SID, AUTH_TOKEN)));
        // Nobody listens there: the simulator's status callbacks are refused, and recorded with their URL.
        publicUrl = "http://127.0.0.1:" + closedPort();
        twilio = new TwilioClient(http(vertx), "http://127.0.0.1:" + closedPort(), publicUrl);
    }

    @AfterEach
    void stop() {
        simulator.close();
        vertx.closeAndAwait();
    }

    private Channel channel(ChannelKind kind, String address, String baseUrl, String token) {
        return new Channel(UUID.randomUUID(), "tenant-a", kind, Provider.TWILIO, address,
                Map.of(TwilioChannelKeys.ACCOUNT_SID, ACCOUNT_SID, TwilioChannelKeys.BASE_URL, baseUrl),
                Map.of(TwilioChannelKeys.AUTH_TOKEN, token), 1000, 1);
    }

    private Channel sms() {
        return channel(ChannelKind.SMS, SMS_NUMBER, simulator.baseUri().toString(), AUTH_TOKEN);
    }

    private SendResult send(Channel channel, String recipient) {
        return await(twilio.send(channel, message(channel.kind(), recipient, "Olá, ação")));
    }

    @Test
    void anAcceptedSmsAnswersTheSidAndAsksForStatusesAtOurWebhookWithOurIds() throws Exception {
        Channel channel = sms();
        OutgoingMessage message = message(ChannelKind.SMS, "+5511999990001", "Olá, ação");

        SendResult result = await(twilio.send(channel, message));

        Send send = simulator.sends().all().getFirst();
        assertThat(result).isEqualTo(new SendResult.Accepted(send.messageId()));
        assertThat(send.messageId()).startsWith("SM");
        assertThat(send.account()).isEqualTo(ACCOUNT_SID);
        assertThat(send.from()).isEqualTo(SMS_NUMBER);
        assertThat(send.to()).isEqualTo("+5511999990001");
        assertThat(send.body()).isEqualTo("Olá, ação");

        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(simulator.deliveries().matching(d -> d.kind().equals("status")))
                .extracting(Delivery::url).containsOnly(publicUrl + "/webhooks/twilio/" + channel.id() + "/status/"
                        + message.id())
                .hasSize(2);
    }

    @Test
    void aWhatsAppChannelPrefixesBothAddresses() {
        Channel channel = channel(ChannelKind.WHATSAPP, WHATSAPP_NUMBER, simulator.baseUri().toString(), AUTH_TOKEN);

        assertThat(send(channel, "+5511999990001")).isInstanceOf(SendResult.Accepted.class);

        Send send = simulator.sends().all().getFirst();
        assertThat(send.from()).isEqualTo("whatsapp:" + WHATSAPP_NUMBER);
        assertThat(send.to()).isEqualTo("whatsapp:+5511999990001");
    }

    @Test
    void aLandlineOrAnInvalidNumberIsUnreachable() {
        assertThat(send(sms(), "+551130000002")).isInstanceOfSatisfying(SendResult.Unreachable.class,
                r -> assertThat(r.errorCode()).isEqualTo("21614"));
        assertThat(send(sms(), "+12")).isInstanceOfSatisfying(SendResult.Unreachable.class,
                r -> assertThat(r.errorCode()).isEqualTo("21211"));
    }

    @Test
    void aThroughputRefusalIsThrottledForAsLongAsRetryAfterSays() {
        simulator.configure("{\"faults\": {\"retryAfterSeconds\": 3}}");
        simulator.failNext(0, 1);

        assertThat(send(sms(), "+5511999990001")).isEqualTo(new SendResult.Throttled("20429", Duration.ofSeconds(3)));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aServerErrorIsTransient() {
        simulator.failNext(1, 0);

        assertThat(send(sms(), "+5511999990001")).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isIn("20500", "20503"));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aRefusedAuthTokenIsTheChannelsFailure() {
        Channel channel = channel(ChannelKind.SMS, SMS_NUMBER, simulator.baseUri().toString(), "wrong-token");

        assertThat(send(channel, "+5511999990001")).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("20003"));
    }

    @Test
    void aRefusedConnectionIsTransient() {
        Channel channel = channel(ChannelKind.SMS, SMS_NUMBER, "http://127.0.0.1:" + closedPort(), AUTH_TOKEN);

        assertThat(send(channel, "+5511999990001")).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.CONNECT_FAILED));
    }

    @Test
    void reconciliationFindsAMessageTwilioHasAndNoOtherOne() {
        Channel channel = sms();
        OutgoingMessage sent = message(ChannelKind.SMS, "+5511999990001", "Olá, ação");
        SendResult.Accepted accepted = (SendResult.Accepted) await(twilio.send(channel, sent));

        assertThat(await(twilio.reconcile(channel, sent)))
                .isEqualTo(new Reconciliation.Sent(accepted.providerMessageId()));

        OutgoingMessage otherText = message(ChannelKind.SMS, "+5511999990001", "Outro texto");
        assertThat(await(twilio.reconcile(channel, otherText))).isEqualTo(new Reconciliation.NotSent());
        OutgoingMessage recordedAfter = new OutgoingMessage(UUID.randomUUID(), "tenant-a", ChannelKind.SMS,
                sent.recipient(), null, sent.body(), Instant.now().plusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(await(twilio.reconcile(channel, recordedAfter))).isEqualTo(new Reconciliation.NotSent());
        OutgoingMessage otherRecipient = message(ChannelKind.SMS, "+5511999990009", "Olá, ação");
        assertThat(await(twilio.reconcile(channel, otherRecipient))).isEqualTo(new Reconciliation.NotSent());
    }

    @Test
    void aFailedLookupIsUnknown() {
        OutgoingMessage message = message(ChannelKind.SMS, "+5511999990001", "Olá");

        assertThat(await(twilio.reconcile(channel(ChannelKind.SMS, SMS_NUMBER, simulator.baseUri().toString(),
                "wrong-token"), message))).isInstanceOf(Reconciliation.Unknown.class);
        assertThat(await(twilio.reconcile(channel(ChannelKind.SMS, SMS_NUMBER, "http://127.0.0.1:" + closedPort(),
                AUTH_TOKEN), message))).isInstanceOf(Reconciliation.Unknown.class);
    }
}
