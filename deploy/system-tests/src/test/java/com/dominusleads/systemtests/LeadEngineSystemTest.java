package com.dominusleads.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.SimulatorOptions;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's whole chain, every server real: a search by segment and UF through cnaes-gateway (its remote an
 * api-cnaes simulator) and a selection of its first companies spend nothing; starting their qualification sends
 * prelead.selected through leads-service's outbox, Debezium and Kafka to messaging-service, which writes to each company
 * on WhatsApp through the provider simulator as Meta. The contacts answer as scripted; their replies come back as
 * message.replied, leads-service classifies them with its default Portuguese playbook, and each interested company
 * becomes a lead (lead.qualified), for which ledger-service debits exactly one credit (credit.debited): the lead ends
 * CHARGED. Refusals, the opt-out and the silent company cost nothing.
 */
class LeadEngineSystemTest {

    private static final String TENANT = "acme";
    private static final String SALES = "acme-sales";
    private static final String LEADS = "leads-service";
    private static final long CREDITS = 10;
    private static final String FILTERS = "{\"segment\":\"Advogados\",\"uf\":\"SP\",\"hasMobile\":true}";
    /** What the selected companies answer, in selection order: as many companies are selected. */
    private static final List<String> OUTCOMES = List.of("interested", "not_interested", "interested", "opt_out",
            "interested", "silence", "not_interested");
    private static final Map<String, Integer> FUNNEL = Map.of("selected", 7, "queued", 0, "contacted", 7,
            "replied", 6, "needsReview", 0, "qualified", 3, "notInterested", 2, "invalid", 0, "optedOut", 1,
            "noAnswer", 0);
    private static final String REMOTE_KEY = "system-remote-key";
    private static final String PHONE_NUMBER_ID = "106540352242001";
    private static final String APP_SECRET = "lead-engine-app-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ApiCnaesSimulator remote;
    private static EphemeralSuite suite;
    private static SuiteClient client;
    private static SuiteDatabases databases;

    @BeforeAll
    static void startSuite() {
        remote = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, REMOTE_KEY).withUnknownCnpjShare(0));
        Map<String, Integer> instances = new LinkedHashMap<>();
        List.of("leads-service", "cnaes-gateway", "ledger-service", "messaging-service")
                .forEach(module -> instances.put(module, 1));
        suite = EphemeralSuite.start(instances, true, QuarkusService.JvmProfile.QUICK_START, Map.of(
                // Nothing listens at the gateway's local directory: it asks the remote.
                "DOMINUS_GATEWAY_LOCAL_URL", "http://127.0.0.1:" + Ports.free() + "/v1",
                "DOMINUS_GATEWAY_REMOTE_URL", remote.apiUri().toString(),
                "DOMINUS_GATEWAY_REMOTE_API_KEYS", REMOTE_KEY,
                // Whatever the time of day the test runs.
                "DOMINUS_MESSAGING_OUTREACH_SENDING_HOURS", "MON-SUN 00:00-24:00"),
                line -> System.out.println("[suite] " + line));
        client = new SuiteClient(suite);
        databases = new SuiteDatabases(suite.postgres(), Path.of(System.getProperty("dominus.home")).toAbsolutePath());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void interestedRepliesBecomeLeadsChargedOneCreditEachAndNothingElseCosts() throws Exception {
        client.grant(TENANT, "lead-engine-" + UUID.randomUUID(), CREDITS);
        String channel = createMetaChannel();

        JsonNode found = client.call("POST", LEADS, "/api/leads/searches?limit=50", SALES, FILTERS, 200);
        assertThat(found.path("meta").path("source").asText()).isEqualTo("remote");
        List<String> firstFound = StreamSupport.stream(found.path("results").spliterator(), false)
                .map(result -> result.path("company").path("cnpj").asText()).limit(OUTCOMES.size()).toList();

        JsonNode selection = client.call("POST", LEADS, "/api/leads/selections", SALES, "{\"name\":\"Advogados em SP\","
                + "\"filters\":" + FILTERS + ",\"max\":" + OUTCOMES.size() + "}", 201);
        String id = selection.path("id").asText();
        List<JsonNode> preleads = preleads(id);
        assertThat(preleads).extracting(prelead -> prelead.path("cnpj").asText()).as("the search's first companies")
                .containsExactlyElementsOf(firstFound).hasSize(OUTCOMES.size());
        assertThat(selection.path("status").asText()).isEqualTo("DRAFT");
        assertNothingSpent();

        Map<String, String> script = new LinkedHashMap<>();
        List<String> interested = new ArrayList<>();
        for (int i = 0; i < preleads.size(); i++) {
            script.put(firstMobile(preleads.get(i)), OUTCOMES.get(i));
            if (OUTCOMES.get(i).equals("interested")) {
                interested.add(preleads.get(i).path("cnpj").asText());
            }
        }
        configureProviders(channel, script);
        JsonNode started = client.call("POST", LEADS, "/api/leads/selections/" + id + "/qualification", SALES, null,
                200);
        assertThat(started.path("status").asText()).isEqualTo("QUALIFYING");

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(funnel(id)).isEqualTo(FUNNEL);
            assertThat(billingSummary()).isEqualTo(List.of(0L, (long) interested.size(), 0L));
        });
        Map<String, String> leads = databases.leads(TENANT);
        assertThat(leads.keySet().stream().map(lead -> client.call("GET", LEADS, "/api/leads/" + lead, SALES, null,
                200)).toList()).as("one lead per interested company, each charged")
                .allSatisfy(lead -> assertThat(lead.path("billingState").asText()).isEqualTo("CHARGED"))
                .extracting(lead -> lead.path("cnpj").asText()).containsExactlyInAnyOrderElementsOf(interested);
        assertThat(balance()).isEqualTo(CREDITS - interested.size());
        Map<String, String> debits = databases.debits(TENANT);
        assertThat(debits.keySet()).as("the ledger's debits, one per lead").isEqualTo(leads.keySet());
        assertThat(debits.values()).containsOnly("CHARGED");
        assertThat(databases.ledgerViolations()).as("sql/consistency.sql").isEmpty();
    }

    /** A selection is free: the balance is the grant, no lead exists, nobody was written to. */
    private static void assertNothingSpent() throws Exception {
        assertThat(balance()).isEqualTo(CREDITS);
        assertThat(billingSummary()).isEqualTo(List.of(0L, 0L, 0L));
        assertThat(databases.leads(TENANT)).isEmpty();
        assertThat(simulator("GET", "/_simulator/sends/count", null).path("count").asLong()).isZero();
    }

    /** acme's WhatsApp number at Meta (the provider simulator), as its admin creates it; returns its id. */
    private static String createMetaChannel() {
        ObjectNode body = JSON.createObjectNode().put("kind", "WHATSAPP").put("provider", "META")
                .put("address", "+5511940000001").put("name", "comercial");
        body.putObject("settings").put("phoneNumberId", PHONE_NUMBER_ID);
        body.putObject("secrets").put("accessToken", "lead-engine-token").put("appSecret", APP_SECRET)
                .put("verifyToken", "lead-engine-verify");
        return client.call("POST", "messaging-service", "/api/messaging/channels", "acme-admin", body.toString(), 201)
                .path("id").asText();
    }

    /**
     * Meta posts the number's webhooks to the channel, signed with its app secret; each scripted contact answers
     * every message with its outcome, anyone else stays silent.
     */
    private static void configureProviders(String channel, Map<String, String> script) throws Exception {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("meta").putObject("phoneNumbers").putObject(PHONE_NUMBER_ID).put("appSecret", APP_SECRET)
                .put("webhookUrl", suite.instance("messaging-service").url("/webhooks/meta/" + channel).toString());
        ObjectNode outcomes = patch.putObject("outcomes");
        outcomes.set("script", JSON.valueToTree(script));
        outcomes.set("probabilities", JSON.valueToTree(Map.of("interested", 0, "not_interested", 0, "opt_out", 0,
                "silence", 1, "invalid_number", 0)));
        simulator("POST", "/_simulator/config", patch.toString());
    }

    /** The mobile messaging-service writes to on WhatsApp: the pre-lead's first. */
    private static String firstMobile(JsonNode prelead) {
        return StreamSupport.stream(prelead.path("contacts").spliterator(), false)
                .filter(contact -> contact.path("kind").asText().equals("MOBILE"))
                .map(contact -> contact.path("address").asText()).findFirst().orElseThrow();
    }

    private static List<JsonNode> preleads(String selection) {
        JsonNode page = client.call("GET", LEADS, "/api/leads/selections/" + selection + "/preleads?limit=100", SALES,
                null, 200);
        return StreamSupport.stream(page.path("preleads").spliterator(), false).toList();
    }

    private static Map<String, Integer> funnel(String selection) {
        JsonNode funnel = client.call("GET", LEADS, "/api/leads/selections/" + selection, SALES, null, 200)
                .path("funnel");
        Map<String, Integer> counts = new LinkedHashMap<>();
        funnel.fields().forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asInt()));
        return counts;
    }

    /** Leads awaiting their charge, charged, locked. */
    private static List<Long> billingSummary() {
        JsonNode summary = client.call("GET", LEADS, "/api/leads/billing-summary", SALES, null, 200);
        return List.of(summary.path("awaitingCharge").asLong(), summary.path("charged").asLong(),
                summary.path("locked").asLong());
    }

    private static long balance() {
        return client.call("GET", "ledger-service", "/api/ledger/balance", SALES, null, 200).path("balance").asLong();
    }

    private static JsonNode simulator(String method, String path, String json) throws IOException, InterruptedException {
        URI uri = suite.providerSimulator().resolve(path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
