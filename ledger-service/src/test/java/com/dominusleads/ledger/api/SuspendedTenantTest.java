package com.dominusleads.ledger.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.events.Topics;
import com.dominusleads.events.tenant.TenantCreated;
import com.dominusleads.events.tenant.TenantUpdated;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.servicekit.tenancy.TenantStatuses;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant host-service suspends loses access at once, whatever its users' tokens still say: the service follows
 * {@code tenant.updated} (service kit TenantStatuses) and refuses the tenant until it is reactivated. Another tenant
 * is unaffected.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class SuspendedTenantTest {

    private static final String SUSPENDED = "suspended-co";

    @Inject
    EventPayloadEncoder encoder;

    @Inject
    TenantStatuses statuses;

    @Test
    @TestSecurity(user = "ana", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = SUSPENDED))
    void aSuspendedTenantIsRefusedUntilReactivated() {
        Instant created = Instant.now().minusSeconds(60);
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.TENANT_CREATED, SUSPENDED, encoder.encode(TenantCreated.newBuilder()
                    .setTenantId(SUSPENDED).setSlug(SUSPENDED).setDisplayName("Suspended Co")
                    .setOccurredAt(created).build()), UUID.randomUUID());
            given().get("/api/ledger/balance").then().statusCode(200);

            producer.send(Topics.TENANT_UPDATED, SUSPENDED, encoder.encode(updated("SUSPENDED", created.plusSeconds(10))),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/ledger/balance").then()
                    .statusCode(403).body("error.code", equalTo("tenant_suspended")));

            // An older event read late (the two topics are read independently) does not undo the suspension.
            long read = statuses.eventsRead();
            producer.send(Topics.TENANT_CREATED, SUSPENDED, encoder.encode(TenantCreated.newBuilder()
                    .setTenantId(SUSPENDED).setSlug(SUSPENDED).setDisplayName("Suspended Co")
                    .setOccurredAt(created).build()), UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.eventsRead() > read);
            given().get("/api/ledger/balance").then().statusCode(403).body("error.code", equalTo("tenant_suspended"));
            producer.send(Topics.TENANT_UPDATED, SUSPENDED, encoder.encode(updated("ACTIVE", created.plusSeconds(20))),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/ledger/balance").then()
                    .statusCode(200).body("tenantId", equalTo(SUSPENDED)));
        }
    }

    @Test
    @TestSecurity(user = "bob", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "never-announced"))
    void aTenantHostServiceNeverAnnouncedIsNotRefused() {
        given().get("/api/ledger/balance").then().statusCode(200).body("balance", equalTo(0));
    }

    private static TenantUpdated updated(String status, Instant at) {
        return TenantUpdated.newBuilder().setTenantId(SUSPENDED).setSlug(SUSPENDED).setDisplayName("Suspended Co")
                .setStatus(status).setOccurredAt(at).build();
    }
}
