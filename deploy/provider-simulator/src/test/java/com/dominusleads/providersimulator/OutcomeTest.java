package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What contacts do: the script first, then probabilities drawn with the seed; opt-outs stick. */
class OutcomeTest {

    private static final String TOKEN = "any-token";

    private static ProviderSimulator simulator(long seed, String config) {
        return ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(seed).withConfig(config));
    }

    private static Outcome sendMeta(ProviderSimulator simulator, String to) throws Exception {
        var response = new Http(simulator.baseUri()).post("/v21.0/1001/messages", """
                {"messaging_product": "whatsapp", "to": "%s", "type": "text", "text": {"body": "Olá"}}"""
                .formatted(to), "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return simulator.sends().all().getLast().outcome();
    }

    private static int sendSms(ProviderSimulator simulator, String to) throws Exception {
        return new Http(simulator.baseUri()).postForm("/2010-04-01/Accounts/" + TwilioApiTest.SID + "/Messages.json",
                "To=" + to.replace("+", "%2B") + "&From=%2B15005550006&Body=Ol%C3%A1",
                "Authorization", Http.basic(TwilioApiTest.SID, "t")).statusCode();
    }

    @Test
    void theScriptGivesEachContactItsOutcomePerSendAndPerChannel() throws Exception {
        try (ProviderSimulator simulator = simulator(1, """
                {"outcomes": {"script": {
                    "+55 11 99999-0001": "interested",
                    "whatsapp:+5511999990002": ["silence", "not_interested"],
                    "5511999990003@s.whatsapp.net": {"whatsapp": "invalid_number", "sms": "interested"}}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""")) {

            assertThat(sendMeta(simulator, "+5511999990001")).isEqualTo(Outcome.INTERESTED);
            assertThat(sendMeta(simulator, "+5511999990001")).isEqualTo(Outcome.INTERESTED);
            assertThat(sendMeta(simulator, "+5511999990002")).isEqualTo(Outcome.SILENCE);
            assertThat(sendMeta(simulator, "+5511999990002")).isEqualTo(Outcome.NOT_INTERESTED);
            assertThat(sendMeta(simulator, "+5511999990002")).isEqualTo(Outcome.NOT_INTERESTED);
            assertThat(sendMeta(simulator, "+5511999990003")).isEqualTo(Outcome.INVALID_NUMBER);
            assertThat(sendSms(simulator, "+5511999990003")).isEqualTo(201);
            assertThat(simulator.sends().all().getLast().outcome()).isEqualTo(Outcome.INTERESTED);
        }
    }

    @Test
    void probabilitiesAreDrawnTheSameWayForTheSameSeed() throws Exception {
        String config = """
                {"outcomes": {"probabilities": {"interested": 0.3, "not_interested": 0.3, "opt_out": 0.1,
                                                "silence": 0.2, "invalid_number": 0.1}},
                 "latency": {"statusMillis": 60000, "replyMillis": 60000}}""";
        List<Outcome> first = new ArrayList<>();
        List<Outcome> again = new ArrayList<>();
        List<Outcome> otherSeed = new ArrayList<>();
        try (ProviderSimulator a = simulator(42, config); ProviderSimulator b = simulator(42, config);
             ProviderSimulator c = simulator(43, config)) {
            for (int i = 0; i < 40; i++) {
                String to = "+55119999%05d".formatted(i);
                first.add(sendMeta(a, to));
                again.add(sendMeta(b, to));
                otherSeed.add(sendMeta(c, to));
            }
        }
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains(Outcome.INTERESTED, Outcome.NOT_INTERESTED, Outcome.SILENCE);
    }

    @Test
    void aContactsOutcomeDoesNotDependOnWhoElseWasSentToFirst() throws Exception {
        String config = "{\"latency\": {\"statusMillis\": 60000, \"replyMillis\": 60000}}";
        Map<String, Outcome> forward = new java.util.HashMap<>();
        Map<String, Outcome> backward = new java.util.HashMap<>();
        List<String> contacts = List.of("+5511988880001", "+5511988880002", "+5511988880003", "+5511988880004",
                "+5511988880005", "+5511988880006");
        try (ProviderSimulator a = simulator(7, config); ProviderSimulator b = simulator(7, config)) {
            for (String contact : contacts) {
                forward.put(contact, sendMeta(a, contact));
            }
            for (String contact : contacts.reversed()) {
                backward.put(contact, sendMeta(b, contact));
            }
        }
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void drawnOutcomesFollowTheConfiguredShares() {
        ObjectNode json = SimulatorConfig.merge(SimulatorConfig.defaults(), Http.json("""
                {"outcomes": {"probabilities": {"interested": 0.5, "not_interested": 0.2, "opt_out": 0.1,
                                                "silence": 0.0, "invalid_number": 0.1}}}"""));
        SimulatorConfig config = SimulatorConfig.parse(json);
        Contacts contacts = new Contacts(new Draws(2024));
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int i = 0; i < 4000; i++) {
            counts.merge(contacts.plan(Channel.WHATSAPP, "+55119%08d".formatted(i), config).outcome(), 1,
                    Integer::sum);
        }
        assertThat(counts.get(Outcome.INTERESTED)).isBetween(1850, 2150);
        assertThat(counts.get(Outcome.NOT_INTERESTED)).isBetween(680, 920);
        assertThat(counts.get(Outcome.OPT_OUT)).isBetween(320, 480);
        assertThat(counts.get(Outcome.INVALID_NUMBER)).isBetween(320, 480);
        assertThat(counts.get(Outcome.SILENCE)).as("what the shares leave of 1").isBetween(320, 480);
    }

    @Test
    void aContactWhoOptedOutIsMarkedAndAnswersNothingMore() throws Exception {
        try (ProviderSimulator simulator = simulator(1, """
                {"outcomes": {"probabilities": {"opt_out": 1.0}}, "latency": {"statusMillis": 0, "replyMillis": 0}}
                """)) {
            assertThat(sendMeta(simulator, "+5511977770001")).isEqualTo(Outcome.OPT_OUT);
            assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(simulator.contacts().optedOut("+5511977770001")).isTrue();
            assertThat(simulator.deliveries().all()).extracting(Delivery::event).contains("message");

            assertThat(sendMeta(simulator, "+5511977770001")).isEqualTo(Outcome.SILENCE);
            Send second = simulator.sends().all().getLast();
            assertThat(second.afterOptOut()).isTrue();
            assertThat(simulator.sends().all().getFirst().afterOptOut()).isFalse();
        }
    }

    @Test
    void anInboundOptOutWordOptsTheContactOutWhateverItsCaseAccentsOrTrailingWords() throws Exception {
        try (ProviderSimulator simulator = simulator(1, "{}")) {
            simulator.inbound(Inbound.of("meta", "+5511966660001", "pare, por favor").withTo("1001"));
            simulator.inbound(Inbound.of("meta", "+5511966660002", "Nao quero!").withTo("1001"));
            simulator.inbound(Inbound.of("meta", "+5511966660003", "Tenho interesse na parede").withTo("1001"));
            assertThat(simulator.contacts().optedOut("+5511966660001")).isTrue();
            assertThat(simulator.contacts().optedOut("+5511966660002")).isTrue();
            assertThat(simulator.contacts().optedOut("+5511966660003")).isFalse();
        }
        List<String> words = List.of("PARE", "NÃO QUERO");
        assertThat(Contacts.isOptOut("  Pare. ", words)).isTrue();
        assertThat(Contacts.isOptOut("não quero mais", words)).isTrue();
        assertThat(Contacts.isOptOut("parede", words)).isFalse();
        assertThat(Contacts.isOptOut("Eu quero", words)).isFalse();
    }
}
