package com.dominusleads.host;

import static io.restassured.RestAssured.given;

import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.events.tenant.TenantUpdated;
import com.dominusleads.stripesimulator.StripeSimulator;
import com.dominusleads.testsupport.ServiceDatabase;
import com.stripe.net.Webhook;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;

/**
 * What the billing tests share: tenants inserted straight into the database (Keycloak does not run here), plans and
 * packs created through the API, the events host-service wrote to its outbox (decoded from the Apicurio wire format),
 * and webhooks signed with stripe-java's own {@link Webhook.Signature}.
 */
public final class BillingFixture {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ServiceDatabase database;

    public BillingFixture(Pool pool) {
        this.database = new ServiceDatabase(pool);
    }

    public ServiceDatabase database() {
        return database;
    }

    public static StripeSimulator stripe() {
        return StripeSimulatorTestResource.simulator();
    }

    /** An id no other test uses, valid as a tenant id and as a plan or pack code. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An ACTIVE tenant, as provisioning leaves it (without its Keycloak identities, which billing never uses). */
    public String activeTenant() {
        String tenantId = unique("t");
        database.inTransaction(tx -> tx.preparedQuery("""
                insert into tenant (tenant_id, display_name, status, admin_email)
                values ($1, $2, 'ACTIVE', $3)""").execute(Tuple.of(tenantId, "Tenant " + tenantId,
                "admin@" + tenantId + ".example")));
        return tenantId;
    }

    public Row tenant(String tenantId) {
        return database.query("select * from tenant where tenant_id = $1", tenantId).iterator().next();
    }

    public long count(String sql, Object... args) {
        return database.count(sql, args);
    }

    /** Creates a plan through the API as a host operator would (the caller must be a host-admin test). */
    public static ValidatableResponse createPlan(String code, long priceCents, long monthlyCredits, int apiRate) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Plan " + code,
                        "priceCents", priceCents, "monthlyCredits", monthlyCredits,
                        "limits", Map.of("maxUsers", 5, "messagesPerMonth", 1000, "apiRatePerSecond", apiRate)))
                .post("/api/host/plans").then();
    }

    public static ValidatableResponse createPack(String code, long credits, long priceCents) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Pack " + code,
                "credits", credits, "priceCents", priceCents)).post("/api/host/credit-packs").then();
    }

    /** A credit.granted as written to the outbox. */
    public record Granted(String tenantId, String grantId, long credits, String reason, String reference) {
    }

    /** A tenant.updated as written to the outbox. */
    public record Updated(String tenantId, String planCode, String status, Integer apiRatePerSecond) {
    }

    /** The credit.granted events written for {@code tenantId}, oldest first. */
    public List<Granted> grants(String tenantId) {
        return outbox("credit.granted", tenantId, CreditGranted.class).stream()
                .map(event -> new Granted(text(event, "tenantId"), text(event, "grantId"), (Long) event.get("credits"),
                        text(event, "reason"), text(event, "reference"))).toList();
    }

    /** The tenant.updated events written for {@code tenantId}, oldest first. */
    public List<Updated> tenantUpdates(String tenantId) {
        return outbox("tenant.updated", tenantId, TenantUpdated.class).stream()
                .map(event -> new Updated(text(event, "tenantId"), text(event, "planCode"), text(event, "status"),
                        (Integer) event.get("apiRatePerSecond"))).toList();
    }

    private List<GenericRecord> outbox(String type, String tenantId, Class<?> eventClass) {
        return database.outboxEvents(type, tenantId, eventClass);
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    /** The JSON of an event the simulator raised, exactly as it would deliver it. */
    public static String eventJson(String eventId) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stripe().baseUri()
                            + "/v1/events/" + eventId)).header("Authorization", "Bearer "
                            + StripeSimulatorTestResource.API_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the simulator has no event " + eventId + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Stripe-Signature for {@code payload} made with {@code secret} at {@code at}, by stripe-java itself. */
    public static String signature(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code payload} to the webhook endpoint as Stripe does. */
    public static ValidatableResponse deliver(String payload, String signature) {
        var request = given().contentType("application/json; charset=utf-8").body(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/webhooks/stripe").then();
    }
}
