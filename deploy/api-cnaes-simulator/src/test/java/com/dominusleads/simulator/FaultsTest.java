package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault mode is observable by a real HTTP client, and every API call is counted. */
class FaultsTest {

    private static final String COMPANY = "/v1/companies/11222333000181";
    private static final String SEARCH_BODY = "{\"cnaes\":[\"6201501\"],\"uf\":\"SP\",\"pagination\":{\"limit\":3}}";

    private static ApiCnaesSimulator simulator;
    private static Http http;

    @BeforeAll
    static void start() {
        simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(11, Http.KEY).withUnknownCnpjShare(0));
        http = Http.withKey(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void noFaults() {
        simulator.faults().clear();
        simulator.calls().reset();
    }

    @Test
    void serverErrorsCarryTheErrorShape() throws IOException {
        simulator.faults().serverErrorRate(1).retryAfterSeconds(4);
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = http.get(COMPANY);
            statuses.add(response.statusCode());
            ContractTest.assertError(response, switch (response.statusCode()) {
                case 502 -> "bad_gateway";
                case 503 -> "service_unavailable";
                default -> "internal_error";
            });
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("4");
            }
        }
        assertThat(statuses).isSubsetOf(500, 502, 503).hasSizeGreaterThan(1);
        assertThat(simulator.calls().count(CallLog.Fault.SERVER_ERROR)).isEqualTo(20);

        simulator.faults().serverErrorRate(0.3);
        int errors = 0;
        for (int i = 0; i < 100; i++) {
            errors += http.get("/health").statusCode() >= 500 ? 1 : 0;
        }
        assertThat(errors).isBetween(15, 45);
    }

    @Test
    void theNextNCallsAreRateLimitedWithRetryAfter() throws IOException {
        simulator.faults().retryAfterSeconds(7).tooManyRequests(3);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = http.get(COMPANY);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            ContractTest.assertError(response, "too_many_requests");
        }
        assertThat(http.get(COMPANY).statusCode()).isEqualTo(200);
        assertThat(simulator.faults().pendingTooManyRequests()).isZero();
        assertThat(simulator.calls().withStatus(429)).isEqualTo(3);
    }

    @Test
    void theNextNCallsFailWithServerErrorsThenTheApiRecovers() throws IOException {
        simulator.faults().serverErrors(2);
        for (int i = 0; i < 2; i++) {
            assertThat(http.get(COMPANY).statusCode()).isIn(500, 502, 503);
        }
        assertThat(http.get(COMPANY).statusCode()).isEqualTo(200);
        assertThat(simulator.faults().pendingServerErrors()).isZero();
        assertThat(simulator.calls().count(CallLog.Fault.SERVER_ERROR)).isEqualTo(2);
    }

    @Test
    void aRateOfCallsIsRateLimited() throws IOException {
        simulator.faults().tooManyRequestsRate(0.5);
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = http.post("/v1/companies/search", SEARCH_BODY);
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).isBetween(10, 30);
    }

    @Test
    void malformedBodiesAre200ButNotJson() throws IOException {
        simulator.faults().malformedJsonRate(1);
        Set<String> kinds = new HashSet<>();
        for (String path : List.of(COMPANY, "/health", "/v1/companies?cnae_principal=6201501", COMPANY, "/health",
                COMPANY, "/health", COMPANY)) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
            kinds.add(response.body().startsWith("<html>") ? "html" : "truncated");
        }
        assertThat(kinds).containsExactlyInAnyOrder("html", "truncated");
        // Errors are left alone: only successful answers are garbled.
        ContractTest.assertError(http.get("/v1/companies/123"), "invalid_cnpj");
        assertThat(simulator.calls().count(CallLog.Fault.MALFORMED_JSON)).isEqualTo(8);
    }

    @Test
    void aResetConnectionGivesTheClientAnIOException() throws IOException {
        Http pooled = Http.withKey(simulator);
        assertThat(pooled.get(COMPANY).statusCode()).isEqualTo(200); // leaves a kept-alive connection in the pool

        simulator.faults().connectionResetRate(1);
        assertThatThrownBy(() -> Http.withKey(simulator).get(COMPANY)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> pooled.get(COMPANY)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> pooled.post("/v1/companies/search", SEARCH_BODY)).isInstanceOf(IOException.class);
        assertThat(simulator.calls().count(CallLog.Fault.CONNECTION_RESET)).isGreaterThanOrEqualTo(3);

        simulator.faults().connectionResetRate(0);
        assertThat(pooled.get(COMPANY).statusCode()).isEqualTo(200);
    }

    @Test
    void aHangOutlastsTheClientTimeoutAndCloseEndsIt() throws Exception {
        ApiCnaesSimulator hanging = ApiCnaesSimulator.start(0, SimulatorOptions.of(11, Http.KEY));
        hanging.faults().hangRate(1);
        Http client = Http.withKey(hanging);
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.send(client.request(COMPANY).timeout(Duration.ofSeconds(1)).GET().build()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        // A call still hanging when the simulator closes is dropped at once, and close does not wait 60 s for it.
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.get(COMPANY);
            } catch (IOException e) {
                // expected: the connection is dropped
            }
        });
        while (hanging.calls().count(CallLog.Fault.HANG) < 2) {
            Thread.sleep(10);
        }
        long closing = System.nanoTime();
        hanging.close();
        caller.join(Duration.ofSeconds(5));
        assertThat(caller.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aShortHangIsAnsweredAfterwards() throws IOException {
        simulator.faults().hangRate(1).hangMillis(300);
        long started = System.nanoTime();
        HttpResponse<String> response = http.get(COMPANY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void latencyDelaysEveryCall() throws IOException {
        simulator.faults().latency(250, 100);
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        assertThat(simulator.calls().count(CallLog.Fault.LATENCY)).isEqualTo(3);
    }

    @Test
    void missingMetaDropsMetaFromPagesOnly() throws IOException {
        simulator.faults().missingMeta(true);
        JsonNode search = Http.json(http.post("/v1/companies/search", SEARCH_BODY));
        JsonNode listing = Http.json(http.get("/v1/companies?cnae_principal=6201501&limit=3"));
        JsonNode company = Http.json(http.get(COMPANY));

        for (JsonNode page : List.of(search, listing)) {
            assertThat(page.has("meta")).isFalse();
            assertThat(page.get("data").isArray()).isTrue();
        }
        assertThat(company.get("cnpj").asText()).isEqualTo("11222333000181");
        assertThat(simulator.calls().count(CallLog.Fault.MISSING_META)).isEqualTo(2);
    }

    @Test
    void callsAreCountedByKindStatusAndFault() throws IOException {
        http.get(COMPANY);
        http.get("/v1/companies/123");
        http.get("/v1/companies?cnae_principal=6201501");
        http.post("/v1/companies/search", SEARCH_BODY);
        http.get("/health");
        http.get("/v1/health");
        http.get("/nowhere");
        new Http(simulator.baseUri()).get(COMPANY); // no key
        simulator.faults().tooManyRequests(1);
        http.get("/health");
        // admin calls are not counted
        new Http(simulator.baseUri()).get("/_simulator/calls");

        CallLog calls = simulator.calls();
        assertThat(calls.total()).isEqualTo(9);
        assertThat(calls.count(CallLog.Kind.COMPANY)).isEqualTo(3);
        assertThat(calls.count(CallLog.Kind.LIST)).isEqualTo(1);
        assertThat(calls.count(CallLog.Kind.SEARCH)).isEqualTo(1);
        assertThat(calls.count(CallLog.Kind.HEALTH)).isEqualTo(3);
        assertThat(calls.count(CallLog.Kind.OTHER)).isEqualTo(1);
        assertThat(calls.withStatus(200)).isEqualTo(5);
        assertThat(calls.withStatus(400)).isEqualTo(1);
        assertThat(calls.withStatus(401)).isEqualTo(1);
        assertThat(calls.withStatus(404)).isEqualTo(1);
        assertThat(calls.withStatus(429)).isEqualTo(1);
        assertThat(calls.count(CallLog.Fault.TOO_MANY_REQUESTS)).isEqualTo(1);
        assertThat(calls.snapshot().byStatus()).containsEntry(200, 5L);

        calls.reset();
        assertThat(calls.total()).isZero();
        assertThat(calls.withStatus(200)).isZero();
    }

    @Test
    void faultsAndCountsOverTheAdminEndpoints() throws IOException {
        Http admin = new Http(simulator.baseUri());
        JsonNode set = Http.json(admin.post("/_simulator/faults", """
                {"server_error_rate":1,"too_many_requests":1,"retry_after_seconds":9,"latency_ms":5}"""));
        assertThat(set.get("server_error_rate").asDouble()).isEqualTo(1.0);
        assertThat(set.get("too_many_requests").asInt()).isEqualTo(1);
        assertThat(simulator.faults().settings().latencyMillis()).isEqualTo(5);

        HttpResponse<String> limited = http.get(COMPANY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("9");
        assertThat(http.get(COMPANY).statusCode()).isBetween(500, 503);

        JsonNode calls = Http.json(admin.get("/_simulator/calls"));
        assertThat(calls.get("total").asLong()).isEqualTo(2);
        assertThat(calls.at("/by_kind/company").asLong()).isEqualTo(2);
        assertThat(calls.at("/by_status/429").asLong()).isEqualTo(1);
        assertThat(calls.at("/by_fault/server_error").asLong()).isEqualTo(1);
        assertThat(calls.at("/by_fault/latency").asLong()).isEqualTo(2);

        // Fields left out are off: this replaces the whole configuration.
        Http.json(admin.post("/_simulator/faults", "{\"missing_meta\":true}"));
        assertThat(simulator.faults().settings()).isEqualTo(new Faults.Settings(0, 0, 0, 0, 1, 0, 0, 0, 60_000, true));
        assertThat(Http.json(admin.get("/_simulator/faults")).get("missing_meta").asBoolean()).isTrue();

        ContractTest.assertError(admin.post("/_simulator/faults", "{\"server_error_rate\":2}"), "invalid_fault");
        ContractTest.assertError(admin.post("/_simulator/faults", "{\"explode\":true}"), "invalid_fault");

        assertThat(admin.post("/_simulator/reset", "").statusCode()).isEqualTo(200);
        assertThat(simulator.faults().settings()).isEqualTo(Faults.Settings.NONE);
        assertThat(simulator.calls().total()).isZero();
        assertThat(http.get(COMPANY).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsFollowTheSeedCallByCall() throws IOException {
        try (ApiCnaesSimulator a = ApiCnaesSimulator.start(0, SimulatorOptions.of(77, Http.KEY));
             ApiCnaesSimulator b = ApiCnaesSimulator.start(0, SimulatorOptions.of(77, Http.KEY))) {
            List<String> first = outcomes(a);
            List<String> second = outcomes(b);
            assertThat(first).isEqualTo(second);
            assertThat(new HashSet<>(first)).hasSizeGreaterThan(2);

            a.calls().reset(); // restarts the draw sequence
            assertThat(outcomes(a)).isEqualTo(first);
        }
    }

    private static List<String> outcomes(ApiCnaesSimulator simulator) throws IOException {
        simulator.faults().serverErrorRate(0.3).tooManyRequestsRate(0.2).malformedJsonRate(0.2);
        Http client = Http.withKey(simulator);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = client.get("/health");
            outcomes.add(response.statusCode() + " " + response.body());
        }
        return outcomes;
    }
}
