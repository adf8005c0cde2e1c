package com.dominusleads.stripesimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceListParams;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API contract, proven with stripe-java's own client: what it sends is understood, what it gets back it reads. */
class StripeJavaContractTest {

    private static StripeSimulator simulator;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        simulator = StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY));
        stripe = Catalog.client(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clean() {
        simulator.reset();
    }

    @Test
    void customersProductsAndPricesRoundTripThroughStripeJavaModels() throws StripeException {
        Catalog catalog = Catalog.create(stripe);

        Customer customer = stripe.v1().customers().retrieve(catalog.customer().getId());
        assertThat(customer.getId()).startsWith("cus_");
        assertThat(customer.getObject()).isEqualTo("customer");
        assertThat(customer.getName()).isEqualTo("Acme Ltda");
        assertThat(customer.getEmail()).isEqualTo("billing@acme.example");
        assertThat(customer.getMetadata()).containsEntry("tenant_id", "acme");
        assertThat(customer.getLivemode()).isFalse();
        assertThat(customer.getCreated()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset
                .offset(60L));

        assertThat(catalog.plan().getId()).startsWith("prod_");
        assertThat(catalog.plan().getName()).isEqualTo("Pro plan");
        Price monthly = stripe.v1().prices().retrieve(catalog.monthly().getId());
        assertThat(monthly.getId()).startsWith("price_");
        assertThat(monthly.getProduct()).isEqualTo(catalog.plan().getId());
        assertThat(monthly.getUnitAmount()).isEqualTo(19_900L);
        assertThat(monthly.getCurrency()).isEqualTo("brl");
        assertThat(monthly.getType()).isEqualTo("recurring");
        assertThat(monthly.getRecurring().getInterval()).isEqualTo("month");
        assertThat(monthly.getRecurring().getIntervalCount()).isEqualTo(1L);
        assertThat(monthly.getLookupKey()).isEqualTo("pro_monthly");
        assertThat(monthly.getMetadata()).containsEntry("credits", "500");
        Price pack = stripe.v1().prices().retrieve(catalog.creditPack().getId());
        assertThat(pack.getType()).isEqualTo("one_time");
        assertThat(pack.getRecurring()).isNull();

        StripeCollection<Price> byLookupKey = stripe.v1().prices().list(PriceListParams.builder()
                .addLookupKey("pro_monthly").build());
        assertThat(byLookupKey.getData()).extracting(Price::getId).containsExactly(monthly.getId());

        RequestLog.Entry price = simulator.requests().to("POST", "/v1/prices").getFirst();
        assertThat(price.form()).containsEntry("recurring[interval]", "month").containsEntry("unit_amount", "19900")
                .containsEntry("metadata[credits]", "500").containsEntry("lookup_key", "pro_monthly");
        assertThat(price.stripeVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(price.status()).isEqualTo(200);
    }

    @Test
    void subscriptionCheckoutSessionIsOpenWithASimulatorPageAndTheParamsAreRecorded() throws StripeException {
        Catalog catalog = Catalog.create(stripe);

        Session session = stripe.v1().checkout().sessions().create(catalog.subscriptionCheckout(),
                RequestOptions.builder().setIdempotencyKey("checkout-acme-1").build());

        assertThat(session.getId()).startsWith("cs_test_");
        assertThat(session.getObject()).isEqualTo("checkout.session");
        assertThat(session.getUrl()).isEqualTo(simulator.baseUri() + "/checkout/" + session.getId());
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(session.getMode()).isEqualTo("subscription");
        assertThat(session.getCustomer()).isEqualTo(catalog.customer().getId());
        assertThat(session.getClientReferenceId()).isEqualTo("acme");
        assertThat(session.getMetadata()).containsEntry("tenant_id", "acme");
        assertThat(session.getAmountTotal()).isEqualTo(19_900L);
        assertThat(session.getCurrency()).isEqualTo("brl");
        assertThat(session.getSubscription()).isNull();

        RequestLog.Entry recorded = simulator.requests().to("POST", "/v1/checkout/sessions").getFirst();
        assertThat(recorded.idempotencyKey()).isEqualTo("checkout-acme-1");
        assertThat(recorded.stripeVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(recorded.form())
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", catalog.monthly().getId())
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("subscription_data[metadata][tenant_id]", "acme")
                .containsEntry("metadata[tenant_id]", "acme")
                .containsEntry("client_reference_id", "acme");
        assertThat(recorded.params().at("/line_items/0/price").asText()).isEqualTo(catalog.monthly().getId());
        assertThat(recorded.params().at("/subscription_data/metadata/plan").asText()).isEqualTo("pro");

        Session again = stripe.v1().checkout().sessions().retrieve(session.getId(), SessionRetrieveParams.builder()
                .addExpand("line_items").build(), RequestOptions.getDefault());
        assertThat(again.getId()).isEqualTo(session.getId());
        assertThat(again.getLineItems().getData()).singleElement().satisfies(item -> {
            assertThat(item.getPrice().getId()).isEqualTo(catalog.monthly().getId());
            assertThat(item.getQuantity()).isEqualTo(1L);
            assertThat(item.getAmountTotal()).isEqualTo(19_900L);
        });
    }

    @Test
    void paymentCheckoutSessionCarriesItsInvoiceCreation() throws StripeException {
        Catalog catalog = Catalog.create(stripe);

        Session session = catalog.checkout(stripe, catalog.creditsCheckout(3));

        assertThat(session.getMode()).isEqualTo("payment");
        assertThat(session.getAmountTotal()).isEqualTo(3 * 4_990L);
        assertThat(session.getInvoiceCreation().getEnabled()).isTrue();
        assertThat(session.getInvoiceCreation().getInvoiceData().getMetadata()).containsEntry("tenant_id", "acme");
        assertThat(session.getInvoice()).isNull();
        assertThat(simulator.requests().to("POST", "/v1/checkout/sessions").getFirst().form())
                .containsEntry("invoice_creation[enabled]", "true")
                .containsEntry("line_items[0][quantity]", "3");
    }

    @Test
    void billingPortalSessionPointsAtTheSimulator() throws StripeException {
        Catalog catalog = Catalog.create(stripe);

        com.stripe.model.billingportal.Session portal = stripe.v1().billingPortal().sessions().create(
                SessionCreateParams.builder().setCustomer(catalog.customer().getId())
                        .setReturnUrl("https://app.example/billing").build());

        assertThat(portal.getId()).startsWith("bps_");
        assertThat(portal.getObject()).isEqualTo("billing_portal.session");
        assertThat(portal.getCustomer()).isEqualTo(catalog.customer().getId());
        assertThat(portal.getReturnUrl()).isEqualTo("https://app.example/billing");
        assertThat(portal.getUrl()).isEqualTo(simulator.baseUri() + "/billing_portal/" + portal.getId());
    }

    @Test
    void aWrongKeyIsStripeJavasAuthenticationExceptionAndTheKeyIsNotEchoed() {
        String wrong = "sk_test_wrong_key_0123456789abcdefWXYZ";
        StripeClient intruder = Catalog.client(simulator, wrong);

        assertThatThrownBy(() -> intruder.v1().customers().retrieve("cus_x"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getMessage()).contains("Invalid API Key provided: sk_test_****WXYZ")
                            .doesNotContain(wrong);
                });
        assertThat(simulator.requests().entries()).singleElement().satisfies(e -> assertThat(e.status())
                .isEqualTo(401));
    }

    @Test
    void aMissingKeyIs401() throws IOException {
        HttpResponse<String> response = new Http(simulator.baseUri()).get("/v1/customers/cus_x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).at("/error/message").asText()).startsWith("You did not provide an API key");
    }

    @Test
    void anUnknownPriceIsInvalidRequestExceptionNamingTheParam() throws StripeException {
        Catalog catalog = Catalog.create(stripe);
        com.stripe.param.checkout.SessionCreateParams params = com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(catalog.customer().getId())
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder().setPrice("price_nope")
                        .setQuantity(1L).build())
                .setSuccessUrl("https://app.example/ok").build();

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(params))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("line_items[0][price]");
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such price: 'price_nope'");
                });
        assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_nope"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void modesAcceptOnlyTheirKindOfPrice() throws StripeException {
        Catalog catalog = Catalog.create(stripe);
        var subscriptionOfOneOff = com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                        .setPrice(catalog.creditPack().getId()).setQuantity(1L).build()).build();
        var paymentOfRecurring = com.stripe.param.checkout.SessionCreateParams.builder()
                .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
                .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                        .setPrice(catalog.monthly().getId()).setQuantity(1L).build()).build();

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(subscriptionOfOneOff))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStripeError().getMessage())
                        .contains("at least one recurring price in `subscription` mode"));
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(paymentOfRecurring))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStripeError().getMessage()).contains("`payment` mode but passed a recurring price");
                    assertThat(e.getParam()).isEqualTo("line_items[0][price]");
                });
        assertThatThrownBy(() -> stripe.v1().billingPortal().sessions().create(SessionCreateParams.builder()
                .setCustomer("cus_nope").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam())
                        .isEqualTo("customer"));
    }

    @Test
    void unknownEndpointsAreStripeStyle404s() throws IOException {
        HttpResponse<String> response = new Http(simulator.baseUri()).get("/v1/charges/ch_1",
                "Authorization", "Bearer " + Catalog.KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = Http.json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).startsWith("Unrecognized request URL (GET: /v1/charges/ch_1)");
        assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .startsWith("req_"));
    }

    @Test
    void theRequestLogIsServedOverHttp() throws Exception {
        Catalog.create(stripe);

        JsonNode log = new Http(simulator.baseUri()).getJson("/_simulator/requests");

        List<String> paths = log.get("data").findValuesAsText("path");
        assertThat(paths).containsExactly("/v1/customers", "/v1/products", "/v1/prices", "/v1/products",
                "/v1/prices");
        JsonNode first = log.at("/data/0");
        assertThat(first.at("/form/metadata[tenant_id]").asText()).isEqualTo("acme");
        assertThat(first.at("/params/metadata/tenant_id").asText()).isEqualTo("acme");
        assertThat(first.get("stripe_version").asText()).isEqualTo(Stripe.API_VERSION);
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(log.toString()).doesNotContain(Catalog.KEY);
    }
}
