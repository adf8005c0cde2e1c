package com.dominusleads.stripesimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events a receiver gets: signed so that stripe-java's {@link Webhook#constructEvent} accepts them, and shaped so
 * that its deserializer gives typed objects carrying what the product reads (tenant, price, amount, subscription).
 */
class WebhookTest {

    private static final String SIGNATURE = "Stripe-Signature";

    private WebhookReceiver receiver;
    private StripeSimulator simulator;
    private StripeClient stripe;
    private Catalog catalog;
    private Http admin;

    @BeforeEach
    void start() throws StripeException {
        receiver = new WebhookReceiver();
        simulator = StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY).withWebhook(endpoint(receiver),
                Catalog.SECRET));
        stripe = Catalog.client(simulator);
        catalog = Catalog.create(stripe);
        admin = new Http(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void completingASubscriptionCheckoutDeliversSignedTypedEventsInOrder() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());

        JsonNode outcome = admin.postJson("/_simulator/checkout/sessions/" + session.getId() + "/complete", "");

        String subscriptionId = outcome.get("subscription").asText();
        String invoiceId = outcome.get("invoice").asText();
        assertThat(subscriptionId).startsWith("sub_");
        assertThat(invoiceId).startsWith("in_");
        assertThat(types(outcome)).containsExactly("checkout.session.completed",
                "customer.subscription.created", "invoice.paid");
        outcome.get("events").forEach(e -> assertThat(e.at("/delivery/status").asInt()).isEqualTo(200));

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(3);
        received.forEach(r -> {
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(r.header("User-Agent")).isEqualTo("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            assertThat(r.header(SIGNATURE)).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        });
        List<Event> events = received.stream().map(WebhookTest::verified).toList();
        assertThat(events).extracting(Event::getType).containsExactly("checkout.session.completed",
                "customer.subscription.created", "invoice.paid");
        events.forEach(e -> {
            assertThat(e.getId()).startsWith("evt_");
            assertThat(e.getApiVersion()).isEqualTo(Stripe.API_VERSION);
            assertThat(e.getLivemode()).isFalse();
        });

        Session completed = (Session) typed(events.get(0));
        assertThat(completed.getId()).isEqualTo(session.getId());
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("paid");
        assertThat(completed.getMode()).isEqualTo("subscription");
        assertThat(completed.getCustomer()).isEqualTo(catalog.customer().getId());
        assertThat(completed.getSubscription()).isEqualTo(subscriptionId);
        assertThat(completed.getClientReferenceId()).isEqualTo("acme");
        assertThat(completed.getMetadata()).containsEntry("tenant_id", "acme");

        Subscription subscription = (Subscription) typed(events.get(1));
        assertThat(subscription.getId()).isEqualTo(subscriptionId);
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getCustomer()).isEqualTo(catalog.customer().getId());
        assertThat(subscription.getMetadata()).containsEntry("tenant_id", "acme").containsEntry("plan", "pro");
        SubscriptionItem item = subscription.getItems().getData().getFirst();
        assertThat(item.getPrice().getId()).isEqualTo(catalog.monthly().getId());
        assertThat(item.getPrice().getMetadata()).containsEntry("credits", "500");
        assertThat(item.getCurrentPeriodEnd()).isGreaterThan(item.getCurrentPeriodStart() + 27 * 24 * 3600);

        Invoice invoice = (Invoice) typed(events.get(2));
        assertThat(invoice.getId()).isEqualTo(invoiceId);
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getCustomer()).isEqualTo(catalog.customer().getId());
        assertThat(invoice.getAmountPaid()).isEqualTo(19_900L);
        assertThat(invoice.getCurrency()).isEqualTo("brl");
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_create");
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscriptionId);
        assertThat(invoice.getParent().getSubscriptionDetails().getMetadata()).containsEntry("tenant_id", "acme");
        InvoiceLineItem line = invoice.getLines().getData().getFirst();
        assertThat(line.getPricing().getPriceDetails().getPrice()).isEqualTo(catalog.monthly().getId());
        assertThat(line.getPricing().getPriceDetails().getProduct()).isEqualTo(catalog.plan().getId());
        assertThat(line.getAmount()).isEqualTo(19_900L);
        assertThat(line.getQuantity()).isEqualTo(1L);
        assertThat(line.getParent().getSubscriptionItemDetails().getSubscription()).isEqualTo(subscriptionId);

        // the objects are also there through the API, in their latest state
        assertThat(stripe.v1().subscriptions().retrieve(subscriptionId).getLatestInvoice()).isEqualTo(invoiceId);
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus()).isEqualTo("complete");
        assertThat(stripe.v1().invoices().retrieve(invoiceId).getAmountPaid()).isEqualTo(19_900L);
    }

    @Test
    void aReceiverWithAnotherSecretRejectsTheSignature() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        simulator.completeCheckout(session.getId());

        WebhookReceiver.Received first = receiver.received().getFirst();
        assertThatThrownBy(() -> Webhook.constructEvent(first.body(), first.header(SIGNATURE), "whsec_other", 300))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(first.body().replace("acme", "evil"),
                first.header(SIGNATURE), Catalog.SECRET, 300)).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void paymentCheckoutWithInvoiceCreationDeliversTheInvoiceWithItsMetadata() throws Exception {
        Session session = catalog.checkout(stripe, catalog.creditsCheckout(2));

        StripeSimulator.Outcome outcome = simulator.completeCheckout(session.getId());

        assertThat(outcome.eventTypes()).containsExactly("checkout.session.completed", "invoice.paid");
        assertThat(outcome.ids()).doesNotContainKey("subscription").containsKey("payment_intent");
        List<Event> events = receiver.received().stream().map(WebhookTest::verified).toList();
        Session completed = (Session) typed(events.get(0));
        assertThat(completed.getInvoice()).isEqualTo(outcome.ids().get("invoice"));
        assertThat(completed.getSubscription()).isNull();
        assertThat(completed.getPaymentIntent()).startsWith("pi_");
        Invoice invoice = (Invoice) typed(events.get(1));
        assertThat(invoice.getParent()).isNull();
        assertThat(invoice.getMetadata()).containsEntry("tenant_id", "acme");
        assertThat(invoice.getAmountPaid()).isEqualTo(2 * 4_990L);
        InvoiceLineItem line = invoice.getLines().getData().getFirst();
        assertThat(line.getPricing().getPriceDetails().getPrice()).isEqualTo(catalog.creditPack().getId());
        assertThat(line.getQuantity()).isEqualTo(2L);
        assertThat(line.getAmount()).isEqualTo(2 * 4_990L);
    }

    @Test
    void aSessionIsPaidOnlyOnce() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        admin.postJson("/_simulator/checkout/sessions/" + session.getId() + "/complete", "");

        HttpResponse<String> again = admin.post("/_simulator/checkout/sessions/" + session.getId() + "/complete", "");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.json(again).at("/error/message").asText()).contains("no longer open");
        assertThat(receiver.received()).hasSize(3);
        assertThat(admin.post("/_simulator/checkout/sessions/cs_test_nope/complete", "").statusCode()).isEqualTo(404);
    }

    @Test
    void resendDeliversTheSameEventWithAFreshSignature() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        simulator.completeCheckout(session.getId());
        WebhookReceiver.Received original = receiver.received().get(2);
        Event paid = verified(original);
        Thread.sleep(1_100); // a signature carries whole seconds

        JsonNode resent = admin.postJson("/_simulator/events/" + paid.getId() + "/resend", "");

        assertThat(resent.at("/delivery/status").asInt()).isEqualTo(200);
        WebhookReceiver.Received again = receiver.received().getLast();
        assertThat(again.body()).isEqualTo(original.body());
        assertThat(again.header(SIGNATURE)).isNotEqualTo(original.header(SIGNATURE));
        Event replayed = verified(again);
        assertThat(replayed.getId()).isEqualTo(paid.getId());
        assertThat(replayed.getType()).isEqualTo("invoice.paid");
        assertThat(admin.post("/_simulator/events/evt_nope/resend", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedPaymentLeavesAnOpenInvoiceAndThePastDueSubscriptionThenARetryPaysIt() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        String subscriptionId = simulator.completeCheckout(session.getId()).ids().get("subscription");
        receiver.clear();

        JsonNode failed = admin.postJson("/_simulator/subscriptions/" + subscriptionId + "/fail-payment", "");

        assertThat(types(failed)).containsExactly("invoice.payment_failed",
                "customer.subscription.updated");
        List<Event> events = receiver.received().stream().map(WebhookTest::verified).toList();
        Invoice open = (Invoice) typed(events.get(0));
        assertThat(open.getStatus()).isEqualTo("open");
        assertThat(open.getAmountPaid()).isZero();
        assertThat(open.getAmountDue()).isEqualTo(19_900L);
        assertThat(open.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(open.getNextPaymentAttempt()).isNotNull();
        assertThat(open.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscriptionId);
        Subscription pastDue = (Subscription) typed(events.get(1));
        assertThat(pastDue.getStatus()).isEqualTo("past_due");
        assertThat(events.get(1).getData().getPreviousAttributes()).containsEntry("status", "active");
        receiver.clear();

        StripeSimulator.Outcome retried = simulator.renew(subscriptionId);

        assertThat(retried.eventTypes()).containsExactly("invoice.paid", "customer.subscription.updated");
        assertThat(retried.ids().get("invoice")).isEqualTo(open.getId());
        List<Event> after = receiver.received().stream().map(WebhookTest::verified).toList();
        assertThat(((Invoice) typed(after.get(0))).getStatus()).isEqualTo("paid");
        assertThat(((Subscription) typed(after.get(1))).getStatus()).isEqualTo("active");
    }

    @Test
    void renewingBillsTheNextPeriod() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        StripeSimulator.Outcome first = simulator.completeCheckout(session.getId());
        String subscriptionId = first.ids().get("subscription");
        Subscription before = stripe.v1().subscriptions().retrieve(subscriptionId);
        receiver.clear();

        JsonNode renewed = admin.postJson("/_simulator/subscriptions/" + subscriptionId + "/renew", "");

        assertThat(types(renewed)).containsExactly("invoice.paid");
        Invoice invoice = (Invoice) typed(verified(receiver.received().getFirst()));
        assertThat(invoice.getId()).isNotEqualTo(first.ids().get("invoice"));
        assertThat(invoice.getBillingReason()).isEqualTo("subscription_cycle");
        assertThat(invoice.getAmountPaid()).isEqualTo(19_900L);
        long previousEnd = before.getItems().getData().getFirst().getCurrentPeriodEnd();
        assertThat(invoice.getLines().getData().getFirst().getPeriod().getStart()).isEqualTo(previousEnd);
        Subscription after = stripe.v1().subscriptions().retrieve(subscriptionId);
        assertThat(after.getItems().getData().getFirst().getCurrentPeriodStart()).isEqualTo(previousEnd);
        assertThat(after.getLatestInvoice()).isEqualTo(invoice.getId());
    }

    @Test
    void cancellingDeletesTheSubscription() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        String subscriptionId = simulator.completeCheckout(session.getId()).ids().get("subscription");
        receiver.clear();

        JsonNode cancelled = admin.postJson("/_simulator/subscriptions/" + subscriptionId + "/cancel", "");

        assertThat(types(cancelled)).containsExactly("customer.subscription.deleted");
        Event event = verified(receiver.received().getFirst());
        assertThat(event.getType()).isEqualTo("customer.subscription.deleted");
        Subscription subscription = (Subscription) typed(event);
        assertThat(subscription.getStatus()).isEqualTo("canceled");
        assertThat(subscription.getEndedAt()).isNotNull();
        assertThat(subscription.getMetadata()).containsEntry("tenant_id", "acme");
        assertThat(admin.post("/_simulator/subscriptions/" + subscriptionId + "/renew", "").statusCode())
                .isEqualTo(400);
    }

    @Test
    void updatingChangesPriceAndStatus() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        String subscriptionId = simulator.completeCheckout(session.getId()).ids().get("subscription");
        com.stripe.model.Price yearly = stripe.v1().prices().create(com.stripe.param.PriceCreateParams.builder()
                .setProduct(catalog.plan().getId()).setCurrency("brl").setUnitAmount(199_000L)
                .setRecurring(com.stripe.param.PriceCreateParams.Recurring.builder()
                        .setInterval(com.stripe.param.PriceCreateParams.Recurring.Interval.YEAR).build()).build());
        receiver.clear();

        admin.postJson("/_simulator/subscriptions/" + subscriptionId + "/update",
                "{\"status\":\"unpaid\",\"price\":\"" + yearly.getId() + "\"}");

        Event event = verified(receiver.received().getFirst());
        assertThat(event.getType()).isEqualTo("customer.subscription.updated");
        Subscription subscription = (Subscription) typed(event);
        assertThat(subscription.getStatus()).isEqualTo("unpaid");
        assertThat(subscription.getItems().getData().getFirst().getPrice().getId()).isEqualTo(yearly.getId());
        assertThat(event.getData().getPreviousAttributes()).containsEntry("status", "active").containsKey("items");
        HttpResponse<String> oneOff = admin.post("/_simulator/subscriptions/" + subscriptionId + "/update",
                "{\"price\":\"" + catalog.creditPack().getId() + "\"}");
        assertThat(oneOff.statusCode()).isEqualTo(400);
    }

    @Test
    void aPaidInvoiceOutsideCheckout() throws Exception {
        JsonNode outcome = admin.postJson("/_simulator/invoices", "{\"customer\":\"" + catalog.customer().getId()
                + "\",\"lines\":[{\"price\":\"" + catalog.creditPack().getId() + "\",\"quantity\":2}],"
                + "\"metadata\":{\"tenant_id\":\"acme\"}}");

        Event event = verified(receiver.received().getFirst());
        assertThat(event.getType()).isEqualTo("invoice.paid");
        Invoice invoice = (Invoice) typed(event);
        assertThat(invoice.getId()).isEqualTo(outcome.get("invoice").asText());
        assertThat(invoice.getMetadata()).isEqualTo(Map.of("tenant_id", "acme"));
        assertThat(invoice.getAmountPaid()).isEqualTo(9_980L);
        assertThat(invoice.getLines().getData().getFirst().getPricing().getPriceDetails().getPrice())
                .isEqualTo(catalog.creditPack().getId());
        assertThat(admin.post("/_simulator/invoices", "{\"customer\":\"cus_nope\",\"lines\":[{\"price\":\""
                + catalog.creditPack().getId() + "\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void everyDeliveryIsRecordedWithTheStatusReceivedAndNotRetried() throws Exception {
        receiver.answer(500);
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());

        StripeSimulator.Outcome outcome = simulator.completeCheckout(session.getId());

        assertThat(outcome.deliveries()).extracting(Webhooks.Delivery::status).containsExactly(500, 500, 500);
        assertThat(receiver.received()).hasSize(3);
        JsonNode deliveries = admin.getJson("/_simulator/deliveries").get("data");
        assertThat(deliveries).hasSize(3);
        assertThat(deliveries.get(0).get("type").asText()).isEqualTo("checkout.session.completed");
        assertThat(deliveries.get(0).get("event_id").asText()).startsWith("evt_");
        assertThat(deliveries.get(0).get("status").asInt()).isEqualTo(500);
        assertThat(deliveries.get(0).get("delivered").asBoolean()).isFalse();
        assertThat(deliveries.get(0).get("attempted_at").asText()).isNotBlank();
    }

    @Test
    void theEndpointCanBeSetAtRuntimeAndEventsWaitWithoutOne() throws Exception {
        admin.postJson("/_simulator/webhook", "{\"url\":null}");
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());

        StripeSimulator.Outcome outcome = simulator.completeCheckout(session.getId());

        assertThat(outcome.deliveries()).allSatisfy(d -> {
            assertThat(d.status()).isZero();
            assertThat(d.error()).contains("no webhook endpoint");
        });
        assertThat(receiver.received()).isEmpty();
        try (WebhookReceiver other = new WebhookReceiver()) {
            JsonNode configured = admin.postJson("/_simulator/webhook", "{\"url\":\"" + endpoint(other)
                    + "\",\"secret\":\"whsec_runtime\"}");
            assertThat(configured.get("url").asText()).isEqualTo(endpoint(other).toString());
            assertThat(configured.toString()).doesNotContain("whsec_runtime");

            simulator.resend(outcome.deliveries().getFirst().eventId());

            WebhookReceiver.Received received = other.received().getFirst();
            Event event = Webhook.constructEvent(received.body(), received.header(SIGNATURE), "whsec_runtime",
                    300);
            assertThat(event.getType()).isEqualTo("checkout.session.completed");
        }
        assertThat(admin.post("/_simulator/webhook", "{\"url\":\"http://127.0.0.1:1/x\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aSubscriptionDeletedThroughTheApiIsAnnounced() throws Exception {
        Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
        String subscriptionId = simulator.completeCheckout(session.getId()).ids().get("subscription");
        receiver.clear();

        Subscription cancelled = stripe.v1().subscriptions().cancel(subscriptionId);

        assertThat(cancelled.getStatus()).isEqualTo("canceled");
        awaitDeliveries(1);
        assertThat(verified(receiver.received().getFirst()).getType()).isEqualTo("customer.subscription.deleted");
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        for (int i = 0; i < 100 && receiver.received().size() < count; i++) {
            Thread.sleep(50);
        }
    }

    /** The types of the events an admin action answered, in order. */
    private static List<String> types(JsonNode outcome) {
        List<String> types = new java.util.ArrayList<>();
        outcome.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    /** Where the simulator posts: the receiver's {@code /stripe/webhook}. */
    static URI endpoint(WebhookReceiver receiver) {
        return URI.create(receiver.url("/stripe/webhook"));
    }

    static Event verified(WebhookReceiver.Received received) {
        try {
            return Webhook.constructEvent(received.body(), received.header(SIGNATURE), Catalog.SECRET, 300);
        } catch (SignatureVerificationException e) {
            throw new AssertionError("the signature does not verify: " + received.header(SIGNATURE), e);
        }
    }

    static StripeObject typed(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseThrow(() -> new AssertionError(
                "stripe-java cannot read the " + event.getType() + " object of API version " + event.getApiVersion()));
    }
}
