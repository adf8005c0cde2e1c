package com.dominusleads.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Each fault of the remote API, injected by its simulator, and what the gateway does about it: how many calls the
 * simulator received (so retries are counted where they land), what the caller is told, and the breaker's state.
 * Test settings: 500 ms per attempt, 3 retries, Retry-After honoured up to 3 s, breaker over 8 calls at 50 % failures
 * with a 1 s delay, 20 calls/s per key.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(Simulators.class)
class RemoteResilienceTest extends GatewayTest {

    private static final int ATTEMPTS = 4; // the first and 3 retries

    private static long remoteLookups() {
        return Simulators.remote().calls().count(CallLog.Kind.COMPANY);
    }

    private static Response lookup(String cnpj) {
        return gateway().get("/v1/companies/" + cnpj);
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsBadGateway() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().serverErrorRate(1);

        lookup(cnpj).then().statusCode(502).body("error.code", equalTo("remote_error"));

        assertThat(remoteLookups()).isEqualTo(ATTEMPTS);
    }

    @Test
    void aPassingServerErrorIsRetriedAwayAndTheCallerNeverSeesIt() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().serverErrors(2);

        lookup(cnpj).then().statusCode(200).body("source", equalTo("remote"));

        assertThat(Simulators.remote().calls().count(CallLog.Fault.SERVER_ERROR)).isEqualTo(2);
        assertThat(remoteLookups()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().retryAfterSeconds(1).tooManyRequests(2);

        long started = System.nanoTime();
        lookup(cnpj).then().statusCode(200).body("source", equalTo("remote"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(Simulators.remote().calls().withStatus(429)).isEqualTo(2);
        assertThat(remoteLookups()).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)); // two waits of Retry-After: 1
        assertThat(breakers.currentState(Side.REMOTE.label())).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void aRetryAfterLongerThanTheGatewayWaitsIsPassedOnWithoutRetrying() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().retryAfterSeconds(30).tooManyRequests(5);

        lookup(cnpj).then().statusCode(503).header("Retry-After", "30")
                .body("error.code", equalTo("remote_rate_limited"));

        assertThat(remoteLookups()).isEqualTo(1);
    }

    @Test
    void malformedBodiesAreRetriedThenReportedAndNeverCached() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().malformedJsonRate(1);

        lookup(cnpj).then().statusCode(502).body("error.code", equalTo("remote_malformed_response"));

        assertThat(remoteLookups()).isEqualTo(ATTEMPTS);
        assertThat(count("select count(*) from company_cache")).isZero();
    }

    @Test
    void droppedConnectionsAreRetriedThenReportedAsUnreachable() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().connectionResetRate(1);

        lookup(cnpj).then().statusCode(502).body("error.code", equalTo("remote_unreachable"));

        assertThat(Simulators.remote().calls().count(CallLog.Fault.CONNECTION_RESET)).isGreaterThanOrEqualTo(ATTEMPTS);
    }

    @Test
    void aHangingRemoteIsCutOffAtTheTimeoutOfEachAttempt() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().hangRate(1).hangMillis(20_000);

        long started = System.nanoTime();
        lookup(cnpj).then().statusCode(504).body("error.code", equalTo("remote_timeout"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(remoteLookups()).isEqualTo(ATTEMPTS);
        assertThat(took).isLessThan(Duration.ofSeconds(10)); // four 500 ms attempts, not one 20 s hang
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("gateway_upstream_calls_total{outcome=\"timeout\",side=\"remote\"}");
    }

    @Test
    void slowButInTimeAnswersAreServed() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        Simulators.remote().faults().latency(200, 50);

        lookup(cnpj).then().statusCode(200).body("source", equalTo("remote"));

        assertThat(remoteLookups()).isEqualTo(1);
    }

    @Test
    void theBreakerOpensOnAnOutageStopsCallingAndClosesWhenTheRemoteIsBack() {
        List<String> cnpjs = Simulators.remoteOnlyCompanies(5);
        Simulators.remote().faults().serverErrorRate(1);

        lookup(cnpjs.get(0)).then().statusCode(502); // 4 failed attempts
        assertThat(breakers.currentState(Side.REMOTE.label())).isEqualTo(CircuitBreakerState.CLOSED);
        lookup(cnpjs.get(1)).then().statusCode(502); // 8 of the last 8 calls failed: open
        assertThat(breakers.currentState(Side.REMOTE.label())).isEqualTo(CircuitBreakerState.OPEN);
        gateway().get("/health").then().body("remote.circuit", equalTo("open"));
        assertThat(RestAssured.get("/q/metrics").asString())
                .contains("ft_circuitbreaker_state_current{method=\"api-cnaes\",state=\"open\"} 1.0");

        long callsWhenOpened = remoteLookups();
        lookup(cnpjs.get(2)).then().statusCode(503).header("Retry-After", "1")
                .body("error.code", equalTo("remote_unavailable"));
        assertThat(remoteLookups()).isEqualTo(callsWhenOpened); // refused without calling

        Simulators.remote().faults().clear();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                lookup(cnpjs.get(3)).then().statusCode(200).body("source", equalTo("remote")));
        lookup(cnpjs.get(4)).then().statusCode(200);
        assertThat(breakers.currentState(Side.REMOTE.label())).isEqualTo(CircuitBreakerState.CLOSED);
        gateway().get("/health").then().body("remote.circuit", equalTo("closed"));
    }

    @Test
    void aRequestTheRemoteRejectsIsNotRetried() {
        Simulators.local().faults().serverErrorRate(1); // the search goes to the remote
        gateway().body("{\"cnaes\":[\"6201501\"],\"uf\":\"SP\",\"porte\":[\"GIGANTE\"]}")
                .post("/v1/companies/search").then().statusCode(400);

        assertThat(Simulators.remote().calls().count(CallLog.Kind.SEARCH)).isEqualTo(1);
        assertThat(breakers.currentState(Side.REMOTE.label())).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void theRemoteNeverReceivesMoreThanItsQuotaPerKeyUnderABurst() throws Exception {
        List<String> cnpjs = Simulators.remoteOnlyCompanies(60);
        ExecutorService callers = Executors.newFixedThreadPool(30);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (String cnpj : cnpjs) {
                answers.add(CompletableFuture.supplyAsync(() -> lookup(cnpj), callers));
            }
            for (CompletableFuture<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() != 200) {
                    response.then().statusCode(503).body("error.code", equalTo("remote_quota_exhausted"));
                }
            }
        } finally {
            callers.shutdown();
        }
        // 20 calls/s spaced 50 ms apart; one more for the jitter between sending and arriving
        assertThat(Simulators.remote().calls().maxCallsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(21);
        assertThat(Simulators.remote().calls().total()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void metricsCountCacheLookupsAndRemoteCalls() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        lookup(cnpj).then().statusCode(200);
        lookup(cnpj).then().statusCode(200);

        String metrics = RestAssured.get("/q/metrics").asString();
        assertThat(metrics).contains("gateway_cache_lookups_total{result=\"hit\"}",
                "gateway_cache_lookups_total{result=\"miss\"}",
                "gateway_upstream_calls_total{outcome=\"ok\",side=\"remote\"}",
                "gateway_upstream_calls_total{outcome=\"not_found\",side=\"local\"}",
                "ft_circuitbreaker_state_current{method=\"api-cnaes\",state=\"closed\"}");
    }
}
