package com.dominusleads.host.api;

import static com.dominusleads.host.BillingFixture.createPack;
import static com.dominusleads.host.BillingFixture.createPlan;
import static com.dominusleads.host.BillingFixture.deliver;
import static com.dominusleads.host.BillingFixture.eventJson;
import static com.dominusleads.host.BillingFixture.signature;
import static com.dominusleads.host.BillingFixture.stripe;
import static com.dominusleads.host.BillingFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.dominusleads.host.BillingFixture;
import com.dominusleads.testsupport.LedgerStubTestResource;
import com.dominusleads.host.StripeSimulatorTestResource;
import com.dominusleads.host.WithoutKeycloakTestResource;
import com.dominusleads.host.domain.OverdueSuspensions;
import com.dominusleads.host.domain.TenantLifecycle;
import com.dominusleads.stripesimulator.StripeSimulator;
import com.dominusleads.stripesimulator.Webhooks;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhooks driving billing, end to end through the Stripe simulator (events signed by stripe-java itself):
 * subscriptions recorded at Checkout, credits granted once per paid invoice through the outbox (full periods only, not
 * prorations), past due → grace → suspension → reactivation on payment, ended subscriptions staying ended, and every
 * forged, stale or replayed delivery refused or ignored. Invoices the simulator does not make (prorations, late ones)
 * are its own events edited and signed here.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "host"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(StripeSimulatorTestResource.class)
@WithTestResource(LedgerStubTestResource.class)
@WithTestResource(WithoutKeycloakTestResource.class)
@TestSecurity(user = "ops", roles = "host-admin")
class StripeWebhookTest {

    private static final String SUCCESS = "https://app.example/done";
    private static final String CANCEL = "https://app.example/billing";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    OverdueSuspensions overdue;

    @Inject
    TenantLifecycle lifecycle;

    private BillingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(pool);
        StripeSimulatorTestResource.deliverTo(RestAssured.port);
    }

    @Test
    void aPaidSubscriptionCheckoutRecordsTheSubscriptionMovesThePlanAndGrantsThePlanCreditsOnce() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 500, 20).statusCode(201);

        StripeSimulator.Outcome paid = stripe().completeCheckout(subscriptionCheckout(tenant, plan));

        assertThat(paid.eventTypes()).containsExactly("checkout.session.completed", "customer.subscription.created",
                "invoice.paid");
        assertThat(paid.deliveries()).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
        String subscriptionId = paid.ids().get("subscription");
        String invoiceId = paid.ids().get("invoice");
        Row subscription = subscription(subscriptionId);
        assertThat(subscription.getString("tenant_id")).isEqualTo(tenant);
        assertThat(subscription.getString("status")).isEqualTo("ACTIVE");
        assertThat(subscription.getString("plan_code")).isEqualTo(plan);
        assertThat(subscription.getOffsetDateTime("current_period_end")).isAfter(OffsetDateTime.now());
        assertThat(fixture.tenant(tenant).getString("plan_code")).isEqualTo(plan);

        List<BillingFixture.Granted> grants = fixture.grants(tenant);
        assertThat(grants).singleElement().satisfies(grant -> {
            assertThat(grant.grantId()).isEqualTo(invoiceId);
            assertThat(grant.credits()).isEqualTo(500);
            assertThat(grant.reason()).isEqualTo("PLAN");
            assertThat(grant.reference()).contains(invoiceId).contains("plan Plan " + plan);
        });
        assertThat(fixture.count("select count(*) from stripe_event where tenant_id = $1", tenant)).isEqualTo(3);

        // The next month is paid: credits again, under the new invoice's id.
        String renewal = stripe().renew(subscriptionId).ids().get("invoice");
        assertThat(fixture.grants(tenant)).extracting(BillingFixture.Granted::grantId).containsExactly(invoiceId, renewal);
    }

    @Test
    void aCreditPackPurchaseGrantsThePackCreditsTimesTheQuantity() {
        String tenant = fixture.activeTenant();
        String pack = unique("pack");
        createPack(pack, 100, 4_990).statusCode(201);
        String session = given().contentType(ContentType.JSON).body(Map.of("packCode", pack, "quantity", 2,
                        "successUrl", SUCCESS, "cancelUrl", CANCEL))
                .post("/api/host/tenants/{t}/checkout/credit-pack", tenant).then().statusCode(201)
                .extract().path("sessionId");

        StripeSimulator.Outcome paid = stripe().completeCheckout(session);

        assertThat(paid.eventTypes()).containsExactly("checkout.session.completed", "invoice.paid");
        assertThat(paid.deliveries()).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
        assertThat(fixture.grants(tenant)).singleElement().satisfies(grant -> {
            assertThat(grant.grantId()).isEqualTo(paid.ids().get("invoice"));
            assertThat(grant.credits()).isEqualTo(200);
            assertThat(grant.reason()).isEqualTo("PURCHASE");
            assertThat(grant.reference()).isEqualTo("Stripe invoice " + paid.ids().get("invoice")
                    + " (pack Pack " + pack + " ×2)");
        });
        assertThat(fixture.count("select count(*) from subscription where tenant_id = $1", tenant)).isZero();
    }

    @Test
    void aReplayedEventIsAcknowledgedAndAppliedOnce() {
        String tenant = fixture.activeTenant();
        String pack = unique("pack");
        createPack(pack, 50, 990).statusCode(201);
        StripeSimulator.Outcome paid = stripe().completeCheckout(packCheckout(tenant, pack));
        String invoicePaid = eventOf(paid, "invoice.paid");

        Webhooks.Delivery again = stripe().resend(invoicePaid);
        assertThat(again.status()).isEqualTo(200);
        String payload = eventJson(invoicePaid);
        deliver(payload, signature(payload, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now()))
                .statusCode(200).body("duplicate", is(true)).body("eventId", equalTo(invoicePaid));

        assertThat(fixture.grants(tenant)).hasSize(1);
        assertThat(fixture.count("select count(*) from stripe_event where event_id = $1", invoicePaid)).isEqualTo(1);
    }

    @Test
    void staleForgedOrUnsignedDeliveriesAreRefusedAndLeaveNoTrace() {
        String tenant = fixture.activeTenant();
        String pack = unique("pack");
        createPack(pack, 70, 990).statusCode(201);
        String session = packCheckout(tenant, pack);
        // The events are raised but not delivered: the test delivers them by hand.
        stripe().webhooks().configure(null, null);
        String invoicePaid = eventOf(stripe().completeCheckout(session), "invoice.paid");
        String payload = eventJson(invoicePaid);
        String secret = StripeSimulatorTestResource.WEBHOOK_SECRET;

        deliver(payload, signature(payload, secret, Instant.now().minusSeconds(301))).statusCode(401)
                .body("error.code", equalTo("invalid_signature"));
        deliver(payload, signature(payload, "whsec_someone_else", Instant.now())).statusCode(401)
                .body("error.code", equalTo("invalid_signature"));
        String inflated = payload.replace("\"quantity\":1", "\"quantity\":1000");
        assertThat(inflated).isNotEqualTo(payload);
        deliver(inflated, signature(payload, secret, Instant.now())).statusCode(401)
                .body("error.code", equalTo("invalid_signature"));
        deliver(payload, null).statusCode(401).body("error.code", equalTo("invalid_signature"));
        assertThat(fixture.count("select count(*) from stripe_event where event_id = $1", invoicePaid)).isZero();
        assertThat(fixture.grants(tenant)).isEmpty();

        // The same event, properly signed now, is what would have taken effect.
        deliver(payload, signature(payload, secret, Instant.now())).statusCode(200).body("duplicate", is(false));
        assertThat(fixture.grants(tenant)).singleElement()
                .satisfies(grant -> assertThat(grant.credits()).isEqualTo(70));
    }

    @Test
    void anEventForACustomerOfNoTenantIsRecordedAsIgnored() {
        String pack = unique("pack");
        String price = createPack(pack, 10, 990).statusCode(201).extract().path("stripePriceId");
        // A customer made in Stripe's dashboard, not through host-service.
        String stranger = stripe().completeCheckout(strangerSession(price)).ids().get("customer");

        StripeSimulator.Outcome invoice = stripe().invoice(stranger, Map.of(price, 1L), Map.of("tenant_id", "victim"));

        assertThat(invoice.deliveries()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
        String eventId = invoice.deliveries().get(0).eventId();
        assertThat(fixture.database().query("select outcome, tenant_id from stripe_event where event_id = $1",
                eventId).iterator().next().getString(0)).startsWith("ignored: unknown customer");
        assertThat(fixture.grants("victim")).isEmpty();
    }

    @Test
    void anEventWhoseMetadataNamesAnotherTenantIsIgnored() {
        String tenant = fixture.activeTenant();
        String victim = fixture.activeTenant();
        String pack = unique("pack");
        String price = createPack(pack, 10, 990).statusCode(201).extract().path("stripePriceId");
        stripe().completeCheckout(packCheckout(tenant, pack));
        String customer = fixture.database().query("select customer_id from stripe_customer where tenant_id = $1",
                tenant).iterator().next().getString(0);

        StripeSimulator.Outcome invoice = stripe().invoice(customer, Map.of(price, 5L), Map.of("tenant_id", victim));

        assertThat(invoice.deliveries().get(0).status()).isEqualTo(200);
        assertThat(fixture.grants(victim)).isEmpty();
        assertThat(fixture.grants(tenant)).hasSize(1);  // its own purchase only
    }

    @Test
    void aFailedPaymentStartsTheGraceAfterWhichTheTenantIsSuspendedUntilItPays() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 300, 20).statusCode(201);
        String subscriptionId = stripe().completeCheckout(subscriptionCheckout(tenant, plan)).ids().get("subscription");

        StripeSimulator.Outcome failed = stripe().failPayment(subscriptionId);
        assertThat(failed.eventTypes()).containsExactly("invoice.payment_failed", "customer.subscription.updated");
        Row pastDue = subscription(subscriptionId);
        assertThat(pastDue.getString("status")).isEqualTo("PAST_DUE");
        Instant graceUntil = pastDue.getOffsetDateTime("grace_until").toInstant();
        assertThat(graceUntil).isBetween(Instant.now().plus(Duration.ofDays(7)).minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofDays(7)));
        // A second failed attempt does not extend the grace.
        stripe().failPayment(subscriptionId);
        assertThat(subscription(subscriptionId).getOffsetDateTime("grace_until").toInstant()).isEqualTo(graceUntil);

        assertThat(overdue.suspendOverdue(graceUntil.minusSeconds(60)).await().atMost(WAIT)).doesNotContain(tenant);
        assertThat(fixture.tenant(tenant).getString("status")).isEqualTo("ACTIVE");

        assertThat(overdue.suspendOverdue(graceUntil.plusSeconds(1)).await().atMost(WAIT)).contains(tenant);
        assertThat(fixture.tenant(tenant).getString("status")).isEqualTo("SUSPENDED");
        assertThat(fixture.tenant(tenant).getString("status_reason")).isEqualTo("payment_overdue");
        assertThat(fixture.tenantUpdates(tenant)).last()
                .satisfies(updated -> assertThat(updated.status()).isEqualTo("SUSPENDED"));
        assertThat(overdue.suspendOverdue(graceUntil.plusSeconds(2)).await().atMost(WAIT)).doesNotContain(tenant);

        StripeSimulator.Outcome paid = stripe().renew(subscriptionId);
        assertThat(paid.deliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(fixture.tenant(tenant).getString("status")).isEqualTo("ACTIVE");
        assertThat(fixture.tenant(tenant).getString("status_reason")).isNull();
        Row active = subscription(subscriptionId);
        assertThat(active.getString("status")).isEqualTo("ACTIVE");
        assertThat(active.getOffsetDateTime("grace_until")).isNull();
        assertThat(fixture.tenantUpdates(tenant)).last()
                .satisfies(updated -> assertThat(updated.status()).isEqualTo("ACTIVE"));
        assertThat(fixture.grants(tenant)).extracting(BillingFixture.Granted::grantId)
                .containsExactly(eventInvoice(tenant, 0), paid.ids().get("invoice"));
    }

    @Test
    void aPaymentDoesNotLiftASuspensionAnOperatorDecided() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 300, 20).statusCode(201);
        String subscriptionId = stripe().completeCheckout(subscriptionCheckout(tenant, plan)).ids().get("subscription");
        lifecycle.suspend(tenant, "fraud investigation").await().atMost(WAIT);

        stripe().renew(subscriptionId);

        assertThat(fixture.tenant(tenant).getString("status")).isEqualTo("SUSPENDED");
        assertThat(fixture.tenant(tenant).getString("status_reason")).isEqualTo("fraud investigation");
        assertThat(fixture.grants(tenant)).hasSize(2);
    }

    @Test
    void aPlanChangedInThePortalMovesTheTenantAndACancellationKeepsItsPlan() {
        String tenant = fixture.activeTenant();
        String basic = unique("basic");
        String pro = unique("pro");
        createPlan(basic, 9_900, 100, 10).statusCode(201);
        String proPrice = createPlan(pro, 19_900, 500, 20).statusCode(201).extract().path("stripePriceId");
        String subscriptionId = stripe().completeCheckout(subscriptionCheckout(tenant, basic)).ids()
                .get("subscription");

        stripe().update(subscriptionId, null, proPrice);
        assertThat(subscription(subscriptionId).getString("plan_code")).isEqualTo(pro);
        assertThat(fixture.tenant(tenant).getString("plan_code")).isEqualTo(pro);

        stripe().cancel(subscriptionId);
        assertThat(subscription(subscriptionId).getString("status")).isEqualTo("CANCELED");
        assertThat(fixture.tenant(tenant).getString("plan_code")).isEqualTo(pro);
        assertThat(fixture.tenant(tenant).getString("status")).isEqualTo("ACTIVE");
        given().get("/api/host/tenants/{t}/subscriptions", tenant).then().statusCode(200)
                .body("subscriptions[0].status", equalTo("CANCELED"));
    }

    @Test
    void anOlderSubscriptionStateArrivingLateDoesNotUndoANewerOne() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 300, 20).statusCode(201);
        String subscriptionId = stripe().completeCheckout(subscriptionCheckout(tenant, plan)).ids().get("subscription");
        String failedEvent = eventOf(stripe().failPayment(subscriptionId), "invoice.payment_failed");
        stripe().renew(subscriptionId);
        fixture.database().inTransaction(tx -> tx.query("update subscription set last_event_at = now() + interval"
                + " '1 minute' where subscription_id = '" + subscriptionId + "'").execute());

        // Stripe retries the old failure after the payment went through.
        String payload = eventJson(failedEvent).replace(failedEvent, "evt_retry_" + unique("x"));
        deliver(payload, signature(payload, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now()))
                .statusCode(200);
        assertThat(subscription(subscriptionId).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aMidPeriodUpgradeInvoiceGrantsTheNewPlansMonthOnlyAndKeepsTheTenantOnIt() {
        String tenant = fixture.activeTenant();
        String basic = unique("basic");
        String pro = unique("pro");
        String basicPrice = createPlan(basic, 9_900, 100, 10).statusCode(201).extract().path("stripePriceId");
        String proPrice = createPlan(pro, 19_900, 500, 20).statusCode(201).extract().path("stripePriceId");
        StripeSimulator.Outcome subscribed = stripe().completeCheckout(subscriptionCheckout(tenant, basic));
        String subscriptionId = subscribed.ids().get("subscription");
        stripe().update(subscriptionId, null, proPrice);
        assertThat(fixture.tenant(tenant).getString("plan_code")).isEqualTo(pro);

        // Stripe's invoice after the upgrade, as it orders it: the unused time on Basic credited back, the rest of the
        // period on Pro (both prorations, flagged on either kind of parent), then the next month of Pro in full.
        ObjectNode event = laterInvoicePaid(eventOf(subscribed, "invoice.paid"), Instant.now().plusSeconds(1));
        ArrayNode lines = (ArrayNode) event.at("/data/object/lines/data");
        ObjectNode template = (ObjectNode) lines.get(0);
        ObjectNode unused = line(template, basicPrice, -4_950);
        ObjectNode parent = unused.putObject("parent");
        parent.putNull("subscription_item_details");
        parent.putObject("invoice_item_details").put("invoice_item", "ii_" + unique("u").replace("-", ""))
                .put("proration", true).put("subscription", subscriptionId)
                .putObject("proration_details").putNull("credited_items");
        parent.put("type", "invoice_item_details");
        ObjectNode remaining = line(template, proPrice, 9_950);
        ((ObjectNode) remaining.at("/parent/subscription_item_details")).put("proration", true);
        ObjectNode nextMonth = line(template, proPrice, 19_900);
        lines.removeAll();
        lines.add(unused).add(remaining).add(nextMonth);
        String invoiceId = event.at("/data/object/id").asText();
        String payload = event.toString();

        deliver(payload, signature(payload, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now()))
                .statusCode(200).body("duplicate", is(false))
                .body("outcome", containsString("2 line(s) granting nothing"));

        assertThat(fixture.grants(tenant)).hasSize(2).last().satisfies(grant -> {
            assertThat(grant.grantId()).isEqualTo(invoiceId);
            assertThat(grant.credits()).isEqualTo(500);
            assertThat(grant.reason()).isEqualTo("PLAN");
            assertThat(grant.reference()).contains("plan Plan " + pro).doesNotContain("Plan " + basic);
        });
        assertThat(subscription(subscriptionId).getString("plan_code")).isEqualTo(pro);
        assertThat(fixture.tenant(tenant).getString("plan_code")).isEqualTo(pro);
    }

    @Test
    void aLateInvoiceOfACanceledSubscriptionGrantsItsCreditsButDoesNotReviveIt() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 300, 20).statusCode(201);
        StripeSimulator.Outcome subscribed = stripe().completeCheckout(subscriptionCheckout(tenant, plan));
        String subscriptionId = subscribed.ids().get("subscription");
        stripe().cancel(subscriptionId);
        assertThat(subscription(subscriptionId).getString("status")).isEqualTo("CANCELED");

        String payload = laterInvoicePaid(eventOf(subscribed, "invoice.paid"), Instant.now().plusSeconds(1))
                .toString();
        deliver(payload, signature(payload, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now()))
                .statusCode(200).body("outcome", containsString("has ended (CANCELED): unchanged"));

        assertThat(subscription(subscriptionId).getString("status")).isEqualTo("CANCELED");
        assertThat(fixture.grants(tenant)).hasSize(2);
        // Nothing live blocks a new subscription.
        subscriptionCheckout(tenant, plan);
    }

    @Test
    void aCancellationDeliveredAfterALaterInvoiceStillEndsTheSubscription() {
        String tenant = fixture.activeTenant();
        String plan = unique("pro");
        createPlan(plan, 19_900, 300, 20).statusCode(201);
        StripeSimulator.Outcome subscribed = stripe().completeCheckout(subscriptionCheckout(tenant, plan));
        String subscriptionId = subscribed.ids().get("subscription");
        // The cancellation is raised but not delivered yet.
        stripe().webhooks().configure(null, null);
        String deleted = eventOf(stripe().cancel(subscriptionId), "customer.subscription.deleted");

        // A late invoice (created after the cancellation) arrives first, then the cancellation.
        String late = laterInvoicePaid(eventOf(subscribed, "invoice.paid"), Instant.now().plusSeconds(5)).toString();
        deliver(late, signature(late, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now())).statusCode(200);
        String cancellation = eventJson(deleted);
        deliver(cancellation, signature(cancellation, StripeSimulatorTestResource.WEBHOOK_SECRET, Instant.now()))
                .statusCode(200).body("duplicate", is(false));

        assertThat(subscription(subscriptionId).getString("status")).isEqualTo("CANCELED");
    }

    /**
     * The simulator's {@code invoice.paid} event {@code templateEventId} as the event of another paid invoice of the
     * same subscription: new event and invoice ids, created at {@code createdAt}, the same lines (to be changed).
     */
    private static ObjectNode laterInvoicePaid(String templateEventId, Instant createdAt) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(eventJson(templateEventId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        event.put("id", "evt_" + unique("late").replace("-", ""));
        event.put("created", createdAt.getEpochSecond());
        ObjectNode invoice = (ObjectNode) event.at("/data/object");
        String invoiceId = "in_" + unique("late").replace("-", "");
        invoice.put("id", invoiceId);
        invoice.put("created", createdAt.getEpochSecond());
        invoice.at("/lines/data").forEach(line -> ((ObjectNode) line).put("invoice", invoiceId));
        return event;
    }

    /** A copy of the invoice line {@code template} billing {@code amount} for one unit of {@code price}. */
    private static ObjectNode line(ObjectNode template, String price, long amount) {
        ObjectNode line = template.deepCopy();
        line.put("id", "il_" + unique("l").replace("-", ""));
        line.put("amount", amount);
        line.put("subtotal", amount);
        line.put("quantity", 1);
        ((ObjectNode) line.at("/pricing/price_details")).put("price", price);
        return line;
    }

    private String subscriptionCheckout(String tenant, String plan) {
        return given().contentType(ContentType.JSON).body(Map.of("planCode", plan, "successUrl", SUCCESS,
                        "cancelUrl", CANCEL))
                .post("/api/host/tenants/{t}/checkout/subscription", tenant).then().statusCode(201)
                .body("sessionId", startsWith("cs_test_")).extract().path("sessionId");
    }

    private String packCheckout(String tenant, String pack) {
        return given().contentType(ContentType.JSON).body(Map.of("packCode", pack, "successUrl", SUCCESS,
                        "cancelUrl", CANCEL))
                .post("/api/host/tenants/{t}/checkout/credit-pack", tenant).then().statusCode(201)
                .extract().path("sessionId");
    }

    /** A Checkout Session for a customer host-service never heard of (created by the session itself). */
    private static String strangerSession(String price) {
        try {
            com.stripe.StripeClient client = com.stripe.StripeClient.builder()
                    .setApiKey(StripeSimulatorTestResource.API_KEY).setApiBase(stripe().baseUri().toString()).build();
            return client.v1().checkout().sessions().create(com.stripe.param.checkout.SessionCreateParams.builder()
                    .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
                    .setCustomerEmail("stranger@example.com")
                    .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder().setPrice(price)
                            .setQuantity(1L).build())
                    .setInvoiceCreation(com.stripe.param.checkout.SessionCreateParams.InvoiceCreation.builder()
                            .setEnabled(true).build())
                    .setSuccessUrl(SUCCESS).build()).getId();
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row subscription(String subscriptionId) {
        return fixture.database().query("select * from subscription where subscription_id = $1", subscriptionId)
                .iterator().next();
    }

    private String eventInvoice(String tenant, int index) {
        return fixture.grants(tenant).get(index).grantId();
    }

    private static String eventOf(StripeSimulator.Outcome outcome, String type) {
        return outcome.deliveries().stream().filter(d -> d.type().equals(type)).findFirst().orElseThrow().eventId();
    }
}
