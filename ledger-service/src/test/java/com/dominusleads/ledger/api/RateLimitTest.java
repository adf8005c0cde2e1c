package com.dominusleads.ledger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.events.Topics;
import com.dominusleads.events.tenant.TenantUpdated;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.servicekit.ratelimit.TenantRateLimiter;
import com.dominusleads.servicekit.tenancy.TenantStatuses;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant rate limits from the plan: a tenant gets its plan's number of requests per period, then 429 with
 * Retry-After; other tenants and host operators are not affected; instances share the bucket. The period is an hour
 * here, so that no test depends on how fast the machine runs.
 */
@QuarkusTest
@TestProfile(RateLimitTest.HourlyBuckets.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class RateLimitTest {

    public static class HourlyBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dominus.rate-limit.period", "1h", "dominus.rate-limit.default-per-second", "50");
        }
    }

    private static final String LIMITED = "limited-co";

    @Inject
    EventPayloadEncoder encoder;

    @Inject
    TenantStatuses statuses;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "ana", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = LIMITED))
    void aTenantGetsItsPlansRateThen429WithRetryAfter() {
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.TENANT_UPDATED, LIMITED, encoder.encode(TenantUpdated.newBuilder()
                    .setTenantId(LIMITED).setSlug(LIMITED).setDisplayName("Limited").setStatus("ACTIVE")
                    .setApiRatePerSecond(3).setOccurredAt(Instant.now()).build()), UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.of(LIMITED)
                .map(state -> Integer.valueOf(3).equals(state.apiRatePerSecond())).orElse(false));

        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/api/ledger/balance").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
        }
        String retryAfter = given().get("/api/ledger/balance").then().statusCode(429)
                .body("error.code", equalTo("rate_limited")).extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
    }

    @Test
    @TestSecurity(user = "bob", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "default-co"))
    void aTenantWithoutAPlanRateGetsTheDefaultAndInstancesShareTheBucket() {
        // Another instance of the service, drawing from the same database.
        TenantRateLimiter otherInstance = new TenantRateLimiter(dataSource, Duration.ofHours(1));
        for (int i = 0; i < 49; i++) {
            assertThat(otherInstance.draw("default-co", 50, 0).allowed()).isTrue();
        }
        given().get("/api/ledger/balance").then().statusCode(200).header("RateLimit-Remaining", "0");
        given().get("/api/ledger/balance").then().statusCode(429);
        assertThat(otherInstance.draw("default-co", 50, 0).allowed()).isFalse();
    }

    @Test
    @TestSecurity(user = "cy", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "downgraded-co"))
    void aPlanThatLowersTheRateTakesEffect() {
        announce("downgraded-co", 10, 1);
        given().get("/api/ledger/balance").then().statusCode(200).header("RateLimit-Remaining", "9");
        announce("downgraded-co", 2, 2);
        int allowed = 0;
        while (given().get("/api/ledger/balance").then().extract().statusCode() == 200) {
            allowed++;
            assertThat(allowed).as("requests allowed after the rate fell to 2").isLessThanOrEqualTo(2);
        }
    }

    private void announce(String tenant, int rate, long version) {
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.TENANT_UPDATED, tenant, encoder.encode(TenantUpdated.newBuilder()
                    .setTenantId(tenant).setSlug(tenant).setDisplayName(tenant).setStatus("ACTIVE")
                    .setApiRatePerSecond(rate).setVersion(version).setOccurredAt(Instant.now()).build()),
                    UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.of(tenant)
                .map(state -> Long.valueOf(version).equals(state.version())).orElse(false));
    }

    @Test
    @TestSecurity(user = "ops", roles = "host-admin")
    void hostOperatorsAreNotCounted() {
        for (int i = 0; i < 60; i++) {
            given().get("/api/ledger/tenants/{t}/balance", "any-co").then().statusCode(200);
        }
    }
}
