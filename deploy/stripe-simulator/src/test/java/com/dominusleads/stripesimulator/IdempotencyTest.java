package com.dominusleads.stripesimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A POST retried under the same {@code Idempotency-Key} is answered, not executed, again: as Stripe does. */
class IdempotencyTest {

    private static StripeSimulator simulator;
    private static StripeClient stripe;
    private static Http http;

    @BeforeAll
    static void start() {
        simulator = StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY));
        stripe = Catalog.client(simulator);
        http = new Http(simulator.baseUri());
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
    void theSameKeyAndParamsReplayTheStoredResponse() throws Exception {
        String[] headers = {"Authorization", "Bearer " + Catalog.KEY, "Idempotency-Key", "create-acme"};
        HttpResponse<String> first = http.postForm("/v1/customers", "name=Acme&metadata%5Btenant_id%5D=acme", headers);
        HttpResponse<String> second = http.postForm("/v1/customers", "name=Acme&metadata%5Btenant_id%5D=acme",
                headers);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(second.headers().firstValue("Idempotency-Key")).hasValue("create-acme");
        assertThat(simulator.requests().entries()).extracting(RequestLog.Entry::replayed).containsExactly(false, true);

        Customer viaStripeJava = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Acme")
                .putMetadata("tenant_id", "acme").build(), RequestOptions.builder().setIdempotencyKey("create-acme")
                .build());
        assertThat(viaStripeJava.getId()).isEqualTo(Http.json(first).get("id").asText());
    }

    @Test
    void theSameKeyWithOtherParamsIsAnIdempotencyError() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("tenant-beta").build();
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Beta").build(), key);

        assertThatThrownBy(() -> stripe.v1().customers().create(CustomerCreateParams.builder().setName("Gamma")
                .build(), key))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getStripeError().getMessage()).contains("same parameters");
                });
        HttpResponse<String> otherPath = http.postForm("/v1/products", "name=Beta", "Authorization",
                "Bearer " + Catalog.KEY, "Idempotency-Key", "tenant-beta");
        assertThat(otherPath.statusCode()).isEqualTo(400);
        assertThat(Http.json(otherPath).at("/error/type").asText()).isEqualTo("idempotency_error");
        assertThat(Http.json(otherPath).at("/error/message").asText()).contains("same endpoint");
    }

    @Test
    void aRejectedRequestIsNotStoredSoItsKeyCanBeRetried() throws Exception {
        String[] headers = {"Authorization", "Bearer " + Catalog.KEY, "Idempotency-Key", "price-1"};
        HttpResponse<String> rejected = http.postForm("/v1/prices", "currency=brl&unit_amount=100&product=prod_nope",
                headers);
        assertThat(rejected.statusCode()).isEqualTo(400);
        HttpResponse<String> product = http.postForm("/v1/products", "name=Pack", "Authorization",
                "Bearer " + Catalog.KEY);
        String productId = Http.json(product).get("id").asText();

        HttpResponse<String> accepted = http.postForm("/v1/prices", "currency=brl&unit_amount=100&product="
                + productId, headers);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void resetForgetsTheKeys() throws Exception {
        String[] headers = {"Authorization", "Bearer " + Catalog.KEY, "Idempotency-Key", "k"};
        String before = Http.json(http.postForm("/v1/customers", "name=A", headers)).get("id").asText();

        http.post("/_simulator/reset", "");

        HttpResponse<String> after = http.postForm("/v1/customers", "name=A", headers);
        assertThat(Http.json(after).get("id").asText()).isNotEqualTo(before);
        assertThat(simulator.requests().entries()).hasSize(1);
    }
}
