package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected failures in each provider's shape, drawn with the seed; and how long follow-ups take. */
class FaultsAndLatencyTest {

    private ProviderSimulator simulator;
    private Http http;

    @BeforeEach
    void start() {
        simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(9));
        http = new Http(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> meta() throws Exception {
        return http.post("/v21.0/1001/messages", "{\"messaging_product\": \"whatsapp\", \"to\": \"+5511999990001\","
                + " \"type\": \"text\", \"text\": {\"body\": \"Olá\"}}", "Authorization", "Bearer t");
    }

    private HttpResponse<String> twilio() throws Exception {
        return http.postForm("/2010-04-01/Accounts/" + TwilioApiTest.SID + "/Messages.json",
                "To=%2B5511999990001&From=%2B15005550006&Body=Ola", "Authorization", Http.basic(TwilioApiTest.SID, "t"));
    }

    private HttpResponse<String> evolution() throws Exception {
        return http.post("/message/sendText/acme", "{\"number\": \"5511999990001\", \"text\": \"Olá\"}",
                "apikey", "evolution-api-key-local");
    }

    @Test
    void serverErrorsComeInEachProvidersShapeAndSendNothing() throws Exception {
        simulator.configure("{\"faults\": {\"serverErrorRate\": 1.0},"
                + " \"evolution\": {\"instances\": {\"acme\": {\"number\": \"5511940000001\"}}}}");

        HttpResponse<String> meta = meta();
        assertThat(meta.statusCode()).isIn(500, 502, 503);
        assertThat(Http.json(meta).at("/error/code").asInt()).isIn(1, 2);
        assertThat(Http.json(meta).at("/error/fbtrace_id").isTextual()).isTrue();

        HttpResponse<String> twilio = twilio();
        assertThat(twilio.statusCode()).isIn(500, 502, 503);
        assertThat(Http.json(twilio).get("code").asInt()).isIn(20500, 20503);
        assertThat(Http.json(twilio).get("status").asInt()).isEqualTo(twilio.statusCode());

        HttpResponse<String> evolution = evolution();
        assertThat(evolution.statusCode()).isIn(500, 502, 503);
        assertThat(Http.json(evolution).get("status").asInt()).isEqualTo(evolution.statusCode());

        assertThat(simulator.sends().all()).isEmpty();
        assertThat(simulator.requests().all()).extracting(RequestLog.Entry::provider)
                .containsExactly("meta", "twilio", "evolution");
    }

    @Test
    void throughputRefusalsComeAsEachProviderSendsThem() throws Exception {
        simulator.configure("{\"faults\": {\"tooManyRequestsRate\": 1.0, \"retryAfterSeconds\": 3},"
                + " \"evolution\": {\"instances\": {\"acme\": {\"number\": \"5511940000001\"}}}}");

        HttpResponse<String> meta = meta();
        assertThat(meta.statusCode()).as("the Cloud API answers 130429 with 400").isEqualTo(400);
        assertThat(Http.json(meta).at("/error/code").asInt()).isEqualTo(130429);
        assertThat(Http.json(meta).at("/error/message").asText()).isEqualTo("(#130429) Rate limit hit");
        assertThat(meta.headers().firstValue("Retry-After")).isEmpty();

        simulator.configure("{\"faults\": {\"metaThrottleStatus\": 429}}");
        HttpResponse<String> meta429 = meta();
        assertThat(meta429.statusCode()).isEqualTo(429);
        assertThat(meta429.headers().firstValue("Retry-After")).contains("3");

        HttpResponse<String> twilio = twilio();
        assertThat(twilio.statusCode()).isEqualTo(429);
        assertThat(Http.json(twilio).get("code").asInt()).isEqualTo(20429);
        assertThat(twilio.headers().firstValue("Retry-After")).contains("3");

        HttpResponse<String> evolution = evolution();
        assertThat(evolution.statusCode()).isEqualTo(429);
        assertThat(evolution.headers().firstValue("Retry-After")).contains("3");
        assertThat(simulator.sends().all()).isEmpty();
    }

    @Test
    void theNextCallsFailAsAskedThenTheProviderRecovers() throws Exception {
        JsonNode pending = new Http(simulator.baseUri()).admin("/_simulator/faults/next",
                "{\"serverErrors\": 2, \"tooManyRequests\": 1}");
        assertThat(pending.get("pendingServerErrors").asInt()).isEqualTo(2);

        assertThat(twilio().statusCode()).isIn(500, 502, 503);
        assertThat(twilio().statusCode()).isIn(500, 502, 503);
        assertThat(twilio().statusCode()).isEqualTo(429);
        assertThat(twilio().statusCode()).isEqualTo(201);
        assertThat(simulator.sends().all()).hasSize(1);
    }

    @Test
    void failuresAreDrawnTheSameWayForTheSameSeed() throws Exception {
        List<Integer> first = statuses(9);
        List<Integer> again = statuses(9);
        List<Integer> otherSeed = statuses(10);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.stream().filter(s -> s >= 500).count()).isBetween(5L, 25L);
        assertThat(first).contains(201);
    }

    private static List<Integer> statuses(long seed) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        try (ProviderSimulator simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(seed)
                .withConfig("{\"faults\": {\"serverErrorRate\": 0.3}, \"latency\": {\"statusMillis\": 60000}}"))) {
            Http http = new Http(simulator.baseUri());
            for (int i = 0; i < 50; i++) {
                statuses.add(http.postForm("/2010-04-01/Accounts/" + TwilioApiTest.SID + "/Messages.json",
                        "To=%2B5511999990001&From=%2B15005550006&Body=Ola",
                        "Authorization", Http.basic(TwilioApiTest.SID, "t")).statusCode());
            }
        }
        return statuses;
    }

    @Test
    void statusesAndRepliesComeNoSoonerThanTheConfiguredLatency() throws Exception {
        simulator.configure("""
                {"outcomes": {"script": {"+5511999990001": "interested"}},
                 "latency": {"statusMillis": 300, "replyMillis": 700, "jitterMillis": 100}}""");

        meta();
        Send send = simulator.sends().all().getFirst();
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<Delivery> deliveries = simulator.deliveries().all();
        assertThat(deliveries).extracting(Delivery::event).containsExactly("sent", "delivered", "read", "message");
        assertThat(Duration.between(send.at(), deliveries.get(0).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(300));
        assertThat(Duration.between(send.at(), deliveries.get(3).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(700));
    }
}
