package com.dominusleads.messaging.provider.evolution;

import static com.dominusleads.messaging.provider.ProviderTesting.await;
import static com.dominusleads.messaging.provider.ProviderTesting.closedPort;
import static com.dominusleads.messaging.provider.ProviderTesting.http;
import static com.dominusleads.messaging.provider.ProviderTesting.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvolutionClientTest {

    static final String API_KEY = "evolution-test-api-key";
    static final String INSTANCE = "acme vendas";   // a space: the instance is a path segment
    static final String UNPAIRED = "acme-novo";

    private Vertx vertx;
    private ProviderSimulator simulator;
    private EvolutionClient evolution;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"evolution": {"apiKey": "%s", "instances": {
                    "%s": {"number": "5511940000001", "state": "open"},
                    "%s": {"state": "close"}}},
                 "outcomes": {"script": {"+5511999990001": "silence", "+5511999990002": "invalid_number"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""".formatted(API_KEY, INSTANCE, UNPAIRED)));
        evolution = new EvolutionClient(http(vertx));
    }

    @AfterEach
    void stop() {
        simulator.close();
        vertx.closeAndAwait();
    }

    private Channel channel(String serverUrl, String instance, String apiKey) {
        return new Channel(UUID.randomUUID(), "tenant-a", ChannelKind.WHATSAPP, Provider.EVOLUTION, "+5511940000001",
                Map.of(EvolutionChannelKeys.SERVER_URL, serverUrl, EvolutionChannelKeys.INSTANCE, instance),
                Map.of(EvolutionChannelKeys.API_KEY, apiKey), 200, 1);
    }

    private Channel channel(String instance) {
        return channel(simulator.baseUri() + "/", instance, API_KEY);
    }

    private SendResult send(Channel channel, String recipient) {
        return await(evolution.send(channel, message(ChannelKind.WHATSAPP, recipient, "Olá, ação")));
    }

    @Test
    void anAcceptedSendAnswersTheKeyIdAndSendsTheNumberAsDigits() {
        SendResult result = send(channel(INSTANCE), "+5511999990001");

        Send send = simulator.sends().all().getFirst();
        assertThat(result).isEqualTo(new SendResult.Accepted(send.messageId()));
        assertThat(send.messageId()).startsWith("BAE5");
        assertThat(send.account()).isEqualTo(INSTANCE);
        assertThat(send.to()).isEqualTo("5511999990001");
        assertThat(send.body()).isEqualTo("Olá, ação");
    }

    @Test
    void aNumberNotOnWhatsAppIsUnreachable() {
        assertThat(send(channel(INSTANCE), "+5511999990002"))
                .isEqualTo(new SendResult.Unreachable("not_on_whatsapp", "the number is not on WhatsApp"));
    }

    @Test
    void aClosedUnknownOrRefusedInstanceIsTheChannelsFailure() {
        assertThat(send(channel(UNPAIRED), "+5511999990001")).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("connection_closed"));
        assertThat(send(channel("gone"), "+5511999990001")).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("instance_not_found"));
        assertThat(send(channel(simulator.baseUri().toString(), INSTANCE, "wrong-key"), "+5511999990001"))
                .isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                        r -> assertThat(r.errorCode()).isEqualTo("unauthorized"));

        simulator.disconnect(INSTANCE);   // the phone unlinked the device
        assertThat(send(channel(INSTANCE), "+5511999990001")).isInstanceOfSatisfying(SendResult.ChannelFailure.class,
                r -> assertThat(r.errorCode()).isEqualTo("connection_closed"));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aServerErrorIsTransientAndAThrottleWaits() {
        simulator.failNext(1, 1);

        assertThat(send(channel(INSTANCE), "+5511999990001")).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isIn("500", "502", "503"));
        assertThat(send(channel(INSTANCE), "+5511999990001"))
                .isEqualTo(new SendResult.Throttled("429", Duration.ofSeconds(1)));
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsTransient() {
        Channel channel = channel("http://127.0.0.1:" + closedPort(), INSTANCE, API_KEY);

        assertThat(send(channel, "+5511999990001")).isInstanceOfSatisfying(SendResult.Transient.class,
                r -> assertThat(r.errorCode()).isEqualTo(ProviderFailures.CONNECT_FAILED));
    }

    @Test
    void reconciliationFindsOurMessageToThatPersonWithThatTextSinceItWasRecorded() {
        Channel channel = channel(INSTANCE);
        OutgoingMessage sent = message(ChannelKind.WHATSAPP, "+5511999990001", "Olá, ação");
        SendResult.Accepted accepted = (SendResult.Accepted) await(evolution.send(channel, sent));
        await(evolution.send(channel, message(ChannelKind.WHATSAPP, "+5511999990003", "Outro texto")));

        assertThat(await(evolution.reconcile(channel, sent)))
                .isEqualTo(new Reconciliation.Sent(accepted.providerMessageId()));

        OutgoingMessage otherText = message(ChannelKind.WHATSAPP, "+5511999990001", "Outro texto");
        assertThat(await(evolution.reconcile(channel, otherText))).isEqualTo(new Reconciliation.NotSent());
        OutgoingMessage otherPerson = message(ChannelKind.WHATSAPP, "+5511999990004", "Olá, ação");
        assertThat(await(evolution.reconcile(channel, otherPerson))).isEqualTo(new Reconciliation.NotSent());
        OutgoingMessage recordedAfter = new OutgoingMessage(UUID.randomUUID(), "tenant-a", ChannelKind.WHATSAPP,
                sent.recipient(), null, sent.body(), Instant.now().plusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(await(evolution.reconcile(channel, recordedAfter))).isEqualTo(new Reconciliation.NotSent());
    }

    @Test
    void reconciliationReadsPageAfterPageNewestFirst() {
        Channel channel = channel(INSTANCE);
        OutgoingMessage sought = message(ChannelKind.WHATSAPP, "+5511999990001", "A primeira");
        SendResult.Accepted accepted = (SendResult.Accepted) await(evolution.send(channel, sought));
        for (int i = 0; i < 50; i++) {
            await(evolution.send(channel, message(ChannelKind.WHATSAPP, "+5511999990001", "Mensagem " + i)));
        }

        assertThat(await(evolution.reconcile(channel, sought)))
                .isEqualTo(new Reconciliation.Sent(accepted.providerMessageId()));
        assertThat(simulator.requests().all()).filteredOn(r -> r.path().startsWith("/chat/findMessages/"))
                .hasSize(2);
    }

    @Test
    void aFullPageWithoutAPageCountIsReadOnAndAShortOneEndsTheSearch() {
        Instant since = Instant.now().minusSeconds(60);
        java.util.function.IntFunction<java.util.List<JsonObject>> page = size -> java.util.stream.IntStream
                .range(0, size).mapToObj(i -> new JsonObject().put("messageTimestamp", Instant.now().getEpochSecond()))
                .toList();

        assertThat(EvolutionClient.mayHaveMore(new JsonObject(), page.apply(EvolutionClient.PAGE_SIZE), 1, since))
                .isTrue();
        assertThat(EvolutionClient.mayHaveMore(new JsonObject(), page.apply(7), 1, since)).isFalse();
        assertThat(EvolutionClient.mayHaveMore(new JsonObject().put("pages", 3), page.apply(7), 2, since)).isTrue();
        assertThat(EvolutionClient.mayHaveMore(new JsonObject().put("pages", 3), page.apply(50), 3, since)).isFalse();
        java.util.List<JsonObject> older = java.util.List.of(new JsonObject().put("messageTimestamp",
                since.minusSeconds(3600).getEpochSecond()));
        assertThat(EvolutionClient.mayHaveMore(new JsonObject().put("pages", 3), older, 1, since)).isFalse();
    }

    @Test
    void aFailedLookupIsUnknown() {
        OutgoingMessage message = message(ChannelKind.WHATSAPP, "+5511999990001", "Olá");

        assertThat(await(evolution.reconcile(channel("gone"), message))).isInstanceOf(Reconciliation.Unknown.class);
        assertThat(await(evolution.reconcile(channel("http://127.0.0.1:" + closedPort(), INSTANCE, API_KEY),
                message))).isInstanceOf(Reconciliation.Unknown.class);
    }

    @Test
    void theInstanceCallsPassEvolutionsAnswersThrough() {
        assertThat(await(evolution.connectionState(channel(INSTANCE)))).isEqualTo("open");
        assertThat(await(evolution.connectionState(channel(UNPAIRED)))).isEqualTo("close");

        JsonObject pairing = await(evolution.connect(channel(UNPAIRED)));
        assertThat(pairing.fieldNames()).containsExactlyInAnyOrder("base64", "code", "pairingCode");
        assertThat(pairing.getString("base64")).startsWith("data:image/png;base64,");
        assertThat(pairing.getString("pairingCode")).isNotBlank();
        assertThat(await(evolution.connectionState(channel(UNPAIRED)))).isEqualTo("connecting");
        assertThat(await(evolution.connect(channel(INSTANCE)))).isEqualTo(new JsonObject().put("state", "open"));

        assertThatThrownBy(() -> await(evolution.connectionState(channel("gone"))))
                .isInstanceOfSatisfying(EvolutionApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void theWebhookIsRegisteredForTheEventsTheServiceHandlesWithItsHeaders() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/webhooks/evolution/channel-1";

        await(evolution.registerWebhook(channel(INSTANCE), url, Map.of("x-evolution-secret", "s3cret")));

        send(channel(INSTANCE), "+5511999990001");
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        Delivery closed = simulator.disconnect(INSTANCE);
        assertThat(closed.event()).isEqualTo("connection.update");
        assertThat(closed.url()).isEqualTo(url);
        assertThat(closed.headers()).containsEntry("x-evolution-secret", "s3cret");
        assertThat(simulator.deliveries().all()).extracting(Delivery::event)
                .containsExactly("messages.update", "messages.update", "connection.update");   // no send.message
    }
}
