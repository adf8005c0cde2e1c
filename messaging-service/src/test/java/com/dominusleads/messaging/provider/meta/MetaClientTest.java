package com.dominusleads.messaging.provider.meta;

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
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetaClientTest {

    static final String TOKEN = "EAAG-meta-test-token";
    static final String PHONE_NUMBER_ID = "106540352242922";

    private Vertx vertx;
    private ProviderSimulator simulator;
    private MetaClient meta;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"meta": {"accessTokens": ["%s"]},
                 "outcomes": {"script": {"+5511999990001": "silence"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""".formatted(TOKEN)));
        // The configured base URL is never used: the channels name the simulator's.
        meta = new MetaClient(http(vertx), "http://127.0.0.1:" + closedPort(), Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() {
        simulator.close();
        vertx.closeAndAwait();
    }

    private Channel channel(String baseUrl, String token) {
        return new Channel(UUID.randomUUID(), "tenant-a", ChannelKind.WHATSAPP, Provider.META, "+551140000001",
                Map.of(MetaChannelKeys.PHONE_NUMBER_ID, PHONE_NUMBER_ID, MetaChannelKeys.BASE_URL, baseUrl),
                Map.of(MetaChannelKeys.ACCESS_TOKEN, token), 1000, 20);
    }

    private Channel channel() {
        return channel(simulator.baseUri().toString(), TOKEN);
    }

    private SendResult send(String recipient) {
        return await(meta.send(channel(), message(ChannelKind.WHATSAPP, recipient, "Olá, ação")));
    }

    @Test
    void anAcceptedSendAnswersMetasIdAndCarriesOurIdWhichMetasStatusesEcho() throws Exception {
        OutgoingMessage message = message(ChannelKind.WHATSAPP, "+5511999990001", "Olá, ação");

        SendResult result = await(meta.send(channel(), message));

        Send send = simulator.sends().all().getFirst();
        assertThat(result).isEqualTo(new SendResult.Accepted(send.messageId()));
        assertThat(send.messageId()).startsWith("wamid.");
        assertThat(send.account()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(send.to()).isEqualTo("5511999990001");
        assertThat(send.type()).isEqualTo("text");
        assertThat(send.body()).isEqualTo("Olá, ação");

        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<JsonObject> statuses = simulator.deliveries().matching(d -> d.kind().equals("status")).stream()
                .map(Delivery::body).map(JsonObject::new)
                .map(body -> body.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
                        .getJsonObject("value").getJsonArray("statuses").getJsonObject(0))
                .toList();
        assertThat(statuses).extracting(s -> s.getString("status")).containsExactly("sent", "delivered");
        assertThat(statuses).allSatisfy(s -> {
            assertThat(s.getString("id")).isEqualTo(send.messageId());
            assertThat(s.getString("biz_opaque_callback_data")).isEqualTo(message.id().toString());
        });
    }

    @Test
    void aRecipientMetaRejectsIsUnreachable() {
        SendResult result = send("+12");

        assertThat(result).isInstanceOfSatisfying(SendResult.Unreachable.class,
                r -> assertThat(r.errorCode()).isEqualTo("100"));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aThroughputRefusalIsThrottledWhetherMetaAnswers400Or429() {
        simulator.failNext(0, 1);
        assertThat(send("+5511999990001")).isEqualTo(new SendResult.Throttled("130429", Duration.ofSeconds(1)));

        simulator.configure("{\"faults\": {\"metaThrottleStatus\": 429, \"retryAfterSeconds\": 7}}");
        simulator.failNext(0, 1);
        assertThat(send("+5511999990001")).isEqualTo(new SendResult.Throttled("130429", Duration.ofSeconds(7)));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aServerErrorIsTransient() {
        simulator.failNext(1, 0);

        assertThat(send("+5511999990001")).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isIn("1", "2"));
        assertThat(send("+5511999990001")).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void aRefusedTokenIsTheChannelsFailure() {
        SendResult result = await(meta.send(channel(simulator.baseUri().toString(), "expired-token"),
                message(ChannelKind.WHATSAPP, "+5511999990001", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("190"));
    }

    @Test
    void aRefusedConnectionIsTransientAndSaysTheRequestNeverLeft() {
        SendResult result = await(meta.send(channel("http://127.0.0.1:" + closedPort(), TOKEN),
                message(ChannelKind.WHATSAPP, "+5511999990001", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.CONNECT_FAILED));
    }

    @Test
    void aChannelWithoutItsPhoneNumberIdFailsAsMisconfiguredWithoutACall() {
        Channel incomplete = new Channel(UUID.randomUUID(), "tenant-a", ChannelKind.WHATSAPP, Provider.META,
                "+551140000001", Map.of(MetaChannelKeys.BASE_URL, simulator.baseUri().toString()),
                Map.of(MetaChannelKeys.ACCESS_TOKEN, TOKEN), 1000, 20);

        SendResult result = await(meta.send(incomplete, message(ChannelKind.WHATSAPP, "+5511999990001", "Olá")));

        assertThat(result).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.MISCONFIGURED));
        assertThat(simulator.requests().all()).isEmpty();
    }

    @Test
    void reconciliationWaitsForAStatusWebhookThenAnswersNotSent() {
        OutgoingMessage recent = message(ChannelKind.WHATSAPP, "+5511999990001", "Olá");
        assertThat(await(meta.reconcile(channel(), recent))).isInstanceOf(Reconciliation.Unknown.class);

        MetaClient tinyWindow = new MetaClient(http(vertx), simulator.baseUri().toString(), Duration.ofMillis(1));
        OutgoingMessage older = new OutgoingMessage(recent.id(), recent.tenantId(), recent.kind(), recent.recipient(),
                null, recent.body(), Instant.now().minusSeconds(1), Instant.now().minusSeconds(1));
        assertThat(await(tinyWindow.reconcile(channel(), older))).isEqualTo(new Reconciliation.NotSent());
        // Recorded long ago, but tried again just now: its status may still come.
        OutgoingMessage retriedNow = new OutgoingMessage(recent.id(), recent.tenantId(), recent.kind(),
                recent.recipient(), null, recent.body(), Instant.now().minus(Duration.ofHours(3)), Instant.now());
        assertThat(await(meta.reconcile(channel(), retriedNow))).isInstanceOf(Reconciliation.Unknown.class);
        assertThat(simulator.requests().all()).isEmpty();
    }
}
