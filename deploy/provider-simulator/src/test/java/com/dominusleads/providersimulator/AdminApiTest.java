package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code /_simulator} API: configuration, the logs tests assert on, requested messages, resends and resets. */
class AdminApiTest extends ReceivingTest {

    @Override
    SimulatorOptions options(WebhookReceiver receiver) {
        return SimulatorOptions.defaults().withConfig("""
                {"meta": {"webhookUrl": "%s", "appSecret": "s3cret"},
                 "twilio": {"accounts": {"%s": "tok"}, "inboundUrl": "%s"},
                 "evolution": {"instances": {"acme": {"number": "5511940000001",
                     "webhook": {"url": "%s", "headers": {"jwt_key": "%s"}}}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""".formatted(receiver.url("/meta"),
                TwilioApiTest.SID, receiver.url("/twilio"), receiver.url("/evolution"), EvolutionApiTest.JWT_KEY));
    }

    private String sendMeta(String from, String to) throws Exception {
        HttpResponse<String> response = http.post("/v21.0/" + from + "/messages", "{\"messaging_product\":"
                + " \"whatsapp\", \"to\": \"" + to + "\", \"type\": \"text\", \"text\": {\"body\": \"Olá\"}}",
                "Authorization", "Bearer t");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response).at("/messages/0/id").asText();
    }

    @Test
    void healthAnswersAndUnknownPathsAre404() throws Exception {
        assertThat(Http.json(http.get("/health")).get("status").asText()).isEqualTo("ok");
        HttpResponse<String> unknown = http.get("/_simulator/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(http.get("/v1/other").statusCode()).isEqualTo(404);
    }

    @Test
    void theConfigurationIsMergedReplacedAndRefusedWhenInvalid() throws Exception {
        JsonNode config = http.admin("/_simulator/config", null);
        assertThat(config.at("/latency/statusMillis").asLong()).isZero();
        assertThat(config.at("/outcomes/probabilities/interested").asDouble()).isEqualTo(0.25);
        assertThat(config.at("/outcomes/replies/opt_out").asText()).isEqualTo("PARE");

        JsonNode merged = http.admin("/_simulator/config", """
                {"outcomes": {"script": {"+5511999990001": "interested"}}, "meta": {"webhookUrl": null}}""");
        assertThat(merged.at("/outcomes/script/+5511999990001").asText()).isEqualTo("interested");
        assertThat(merged.at("/meta/webhookUrl").isMissingNode()).isTrue();
        assertThat(merged.at("/meta/appSecret").asText()).isEqualTo("s3cret");
        assertThat(simulator.config().meta().webhookUrl()).isNull();

        HttpResponse<String> typo = http.post("/_simulator/config", "{\"latency\": {\"statusMilis\": 5}}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(Http.json(typo).at("/error/message").asText()).contains("statusMilis");
        HttpResponse<String> tooLikely = http.post("/_simulator/config",
                "{\"outcomes\": {\"probabilities\": {\"interested\": 0.8, \"opt_out\": 0.3}}}");
        assertThat(tooLikely.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownOutcome = http.post("/_simulator/config",
                "{\"outcomes\": {\"script\": {\"+5511999990002\": \"maybe\"}}}");
        assertThat(Http.json(unknownOutcome).at("/error/message").asText()).contains("unknown outcome 'maybe'");
        assertThat(http.admin("/_simulator/config", null)).isEqualTo(merged);

        HttpResponse<String> replaced = http.put("/_simulator/config", "{\"latency\": {\"statusMillis\": 5}}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(Http.json(replaced).at("/outcomes/script").isEmpty()).isTrue();
        assertThat(simulator.config().latency().statusMillis()).isEqualTo(5);
        assertThat(simulator.config().meta().appSecret()).isEqualTo("meta-app-secret-local");
    }

    @Test
    void theSendLogKeepsEverySendWithItsTimeAndFilters() throws Exception {
        Instant before = Instant.now();
        sendMeta("1001", "+5511999990001");
        sendMeta("1001", "+5511999990002");
        sendMeta("2002", "+5511999990001");

        JsonNode all = http.admin("/_simulator/sends", null).get("sends");
        assertThat(all).hasSize(3);
        assertThat(all).extracting(s -> s.get("seq").asInt()).containsExactly(1, 2, 3);
        all.forEach(s -> {
            assertThat(Instant.parse(s.get("at").asText())).isAfterOrEqualTo(before);
            assertThat(s.get("atMillis").asLong()).isEqualTo(Instant.parse(s.get("at").asText()).toEpochMilli());
            assertThat(s.get("provider").asText()).isEqualTo("meta");
            assertThat(s.get("accepted").asBoolean()).isTrue();
        });
        assertThat(http.admin("/_simulator/sends?to=whatsapp:%2B5511999990001", null).get("sends")).hasSize(2);
        assertThat(http.admin("/_simulator/sends?account=2002", null).get("sends")).hasSize(1);
        assertThat(http.admin("/_simulator/sends?provider=twilio", null).get("sends")).isEmpty();
        assertThat(http.admin("/_simulator/sends/count?provider=meta&accepted=true", null).get("count").asLong())
                .isEqualTo(3);
        assertThat(http.admin("/_simulator/sends/count?account=2002", null).get("count").asLong()).isEqualTo(1);
        assertThat(http.admin("/_simulator/sends/count?provider=twilio", null).get("count").asLong()).isZero();

        JsonNode peak = http.admin("/_simulator/sends/peak?windowMillis=60000&by=from", null);
        assertThat(peak.at("/peaks/1001").asInt()).isEqualTo(2);
        assertThat(peak.at("/peaks/2002").asInt()).isEqualTo(1);
        assertThat(peak.get("max").asInt()).isEqualTo(2);
        assertThat(http.admin("/_simulator/sends/peak?by=contact", null).at("/peaks/+5511999990001").asInt())
                .isBetween(1, 2);
    }

    @Test
    void thePeakIsTheMostSendsAnySlidingWindowHeld() {
        SendLog log = new SendLog();
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        long[] millis = {0, 100, 900, 999, 1000, 1500, 2600, 2700};
        for (long m : millis) {
            log.add(new SendLog.SendDraft("twilio", Channel.SMS, "AC", "+15005550006", "+5511999990001",
                    "+5511999990001", "text", "x", "SM" + m, t.plusMillis(m), 201, null, Outcome.SILENCE, false));
        }
        log.add(new SendLog.SendDraft("twilio", Channel.SMS, "AC", "+15005550007", "+5511999990001",
                "+5511999990001", "text", "x", "SMx", t, 201, null, Outcome.SILENCE, false));

        Map<String, Integer> peaks = log.peak(Duration.ofSeconds(1), Send::from, s -> true);

        assertThat(peaks).containsEntry("+15005550006", 4).containsEntry("+15005550007", 1);
        assertThat(log.peak(Duration.ofMillis(1), Send::from, s -> true)).containsEntry("+15005550006", 1);
        assertThat(log.peak(Duration.ofSeconds(3), Send::from, s -> true)).containsEntry("+15005550006", 8);
    }

    @Test
    void aResendRepeatsTheSameBodyAndSignatureSoIdsAreKept() throws Exception {
        Delivery original = simulator.inbound(Inbound.of("meta", "+5511999990003", "Tenho interesse")
                .withTo("1001"));
        JsonNode resent = http.admin("/_simulator/deliveries/" + original.id() + "/resend", "{}");
        JsonNode resigned = http.admin("/_simulator/deliveries/" + original.id() + "/resend", "{\"resign\": true}");

        List<WebhookReceiver.Received> posts = receiver.await(3);
        assertThat(posts).extracting(WebhookReceiver.Received::body).containsOnly(original.body());
        assertThat(posts).extracting(p -> p.header("X-Hub-Signature-256")).containsOnly(
                original.headers().get("X-Hub-Signature-256"));
        String messageId = posts.getFirst().json().at("/entry/0/changes/0/value/messages/0/id").asText();
        assertThat(messageId).isEqualTo(original.messageId());
        assertThat(resent.get("resendOf").asText()).isEqualTo(original.id());
        assertThat(resent.get("messageId").asText()).isEqualTo(original.messageId());
        assertThat(resigned.get("id").asText()).isNotIn(original.id(), resent.get("id").asText());

        Delivery twilio = simulator.inbound(Inbound.of("twilio", "+5511999990003", "oi").withTo("+15005550006"));
        Delivery twilioAgain = simulator.resend(twilio.id(), false);
        assertThat(twilioAgain.body()).isEqualTo(twilio.body());
        assertThat(twilioAgain.headers()).isEqualTo(twilio.headers());
        assertThat(twilio.headers().get("I-Twilio-Idempotency-Token")).isNotBlank();

        Delivery evolution = simulator.inbound(Inbound.of("evolution", "+5511999990003", "oi").withTo("acme"));
        Delivery replayed = simulator.resend(evolution.id(), false);
        assertThat(replayed.headers().get("Authorization")).as("a replay carries the captured JWT")
                .isEqualTo(evolution.headers().get("Authorization"));
        assertThat(replayed.body()).isEqualTo(evolution.body());
    }

    @Test
    void deliveriesAreListedWithWhatWasSentAndWhatCameBack() throws Exception {
        receiver.answer(500);
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990004\": \"silence\"}}}");
        String id = sendMeta("1001", "+5511999990004");
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        JsonNode deliveries = http.admin("/_simulator/deliveries?messageId=" + id, null).get("deliveries");
        assertThat(deliveries).extracting(d -> d.get("event").asText()).containsExactly("sent", "delivered");
        deliveries.forEach(d -> {
            assertThat(d.get("status").asInt()).isEqualTo(500);
            assertThat(d.get("delivered").asBoolean()).isFalse();
            assertThat(d.get("url").asText()).isEqualTo(receiver.url("/meta"));
            assertThat(d.at("/headers/X-Hub-Signature-256").asText()).startsWith("sha256=");
            assertThat(Http.json(d.get("body").asText()).at("/entry/0/changes/0/value/statuses/0/id").asText())
                    .isEqualTo(id);
        });
        String first = deliveries.get(0).get("id").asText();
        assertThat(http.admin("/_simulator/deliveries/" + first, null).get("id").asText()).isEqualTo(first);
        assertThat(http.get("/_simulator/deliveries/dlv_999").statusCode()).isEqualTo(404);

        simulator.configure("{\"meta\": {\"webhookUrl\": null}}");
        Delivery nowhere = simulator.inbound(Inbound.of("meta", "+5511999990004", "oi"));
        assertThat(nowhere.url()).isNull();
        assertThat(nowhere.error()).contains("no Meta webhook URL");
    }

    @Test
    void inboundStatusAndContactsOverHttp() throws Exception {
        String id = sendMeta("1001", "+5511999990005");

        JsonNode forged = http.admin("/_simulator/inbound", """
                {"provider": "meta", "from": "+5511999990005", "text": "PARE", "signature": "forged"}""");
        assertThat(forged.get("delivered").asBoolean()).isTrue();
        assertThat(forged.at("/headers/X-Hub-Signature-256").asText()).isNotEqualTo(
                "sha256=" + MetaCloudApiTest.hmacSha256Hex("s3cret", forged.get("body").asText().getBytes()));

        JsonNode status = http.admin("/_simulator/status", "{\"messageId\": \"" + id + "\", \"status\": \"failed\","
                + " \"errorCode\": 131049}");
        assertThat(Http.json(status.get("body").asText()).at("/entry/0/changes/0/value/statuses/0/errors/0/code")
                .asInt()).isEqualTo(131049);

        JsonNode contacts = http.admin("/_simulator/contacts", null).get("contacts");
        JsonNode contact = contacts.get(0);
        assertThat(contact.get("contact").asText()).isEqualTo("+5511999990005");
        assertThat(contact.get("optedOut").asBoolean()).isTrue();
        assertThat(contact.get("optedOutVia").asText()).isEqualTo("meta");

        HttpResponse<String> bad = http.post("/_simulator/inbound", "{\"provider\": \"carrier-pigeon\","
                + " \"from\": \"+5511999990005\", \"text\": \"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(http.post("/_simulator/inbound", "{\"provider\": \"twilio\", \"from\": \"+5511000000000\","
                + " \"text\": \"x\"}").statusCode()).as("nobody sent to them: 'to' is needed").isEqualTo(400);
    }

    @Test
    void aResetForgetsWhatHappenedAndCanRestoreTheStartingConfiguration() throws Exception {
        simulator.configure("{\"outcomes\": {\"script\": {\"+5511999990006\": \"opt_out\"}}}");
        sendMeta("1001", "+5511999990006");
        assertThat(http.admin("/_simulator/await?timeoutMillis=10000", null).get("idle").asBoolean()).isTrue();
        assertThat(simulator.contacts().optedOut("+5511999990006")).isTrue();
        assertThat(simulator.requests().all()).isNotEmpty();

        http.admin("/_simulator/reset", "{}");

        assertThat(simulator.sends().all()).isEmpty();
        assertThat(simulator.deliveries().all()).isEmpty();
        assertThat(simulator.requests().all()).isEmpty();
        assertThat(simulator.contacts().all()).isEmpty();
        assertThat(simulator.config().outcomes().script()).containsKey("+5511999990006");

        http.admin("/_simulator/reset?config=true", "{}");
        assertThat(simulator.config().outcomes().script()).isEmpty();
        assertThat(simulator.config().meta().appSecret()).isEqualTo("s3cret");
    }
}
