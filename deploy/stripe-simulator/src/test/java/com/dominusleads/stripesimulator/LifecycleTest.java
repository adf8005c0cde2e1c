package com.dominusleads.stripesimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.simulatorkit.WebhookReceiver;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Starting, the command line of ./dominus up, the pages a person clicks through, and closing. */
class LifecycleTest {

    @Test
    void startsQuicklyAndClosesCleanly() throws IOException {
        StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY)).close(); // loads the classes

        long started = System.nanoTime();
        StripeSimulator simulator = StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        assertThat(startup).isLessThan(Duration.ofSeconds(2)); // milliseconds in practice; generous for noisy machines
        int port = simulator.port();
        HttpResponse<String> health = new Http(simulator.baseUri()).get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("ok");

        simulator.close();
        simulator.close(); // idempotent
        assertThatThrownBy(() -> new Http(simulator.baseUri()).get("/health")).isInstanceOf(IOException.class);
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void theCommandLineOfDominusUp() {
        StripeSimulator.CommandLine line = StripeSimulator.CommandLine.parse(new String[] {"--port", "12111",
            "--api-key", "sk_test_a,sk_test_b", "--webhook-url", "http://127.0.0.1:8081/webhooks/stripe",
            "--webhook-secret", "whsec_x", "--webhook-timeout-ms", "2500"});

        assertThat(line.port()).isEqualTo(12111);
        assertThat(line.options()).isEqualTo(new SimulatorOptions(Set.of("sk_test_a", "sk_test_b"),
                URI.create("http://127.0.0.1:8081/webhooks/stripe"), "whsec_x", Duration.ofMillis(2500)));
        assertThat(StripeSimulator.CommandLine.parse(new String[0]).options().webhookUrl()).isNull();
        assertThat(StripeSimulator.CommandLine.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> StripeSimulator.CommandLine.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StripeSimulator.CommandLine.parse(new String[] {"--webhook-url", "http://x/y"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> StripeSimulator.CommandLine.parse(new String[] {"--colour"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreMaskedWhenRejected() {
        assertThat(StripeSimulator.mask("sk_test_0123456789abcdefghijWXYZ")).isEqualTo("sk_test_****WXYZ");
        assertThat(StripeSimulator.mask("sk_test_short")).isEqualTo("sk_test_****");
        assertThat(StripeSimulator.mask("whatever")).isEqualTo("****");
    }

    @Test
    void aPersonPaysOnTheCheckoutPageAndIsSentToTheSuccessUrl() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             StripeSimulator simulator = StripeSimulator.start(0, SimulatorOptions.of(Catalog.KEY)
                     .withWebhook(WebhookTest.endpoint(receiver), Catalog.SECRET))) {
            StripeClient stripe = Catalog.client(simulator);
            Catalog catalog = Catalog.create(stripe);
            Session session = catalog.checkout(stripe, catalog.subscriptionCheckout());
            Http browser = new Http(simulator.baseUri());

            HttpResponse<String> page = browser.get(URI.create(session.getUrl()).getPath());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/html"));
            assertThat(page.body()).contains("Pro plan", "BRL 199.00", "/checkout/" + session.getId() + "/pay");

            HttpResponse<String> paid = browser.post("/checkout/" + session.getId() + "/pay", "");

            assertThat(paid.statusCode()).isEqualTo(303);
            assertThat(paid.headers().firstValue("Location")).hasValue(
                    "https://app.example/billing/done?session=" + session.getId());
            assertThat(receiver.received()).hasSize(3);
            assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus())
                    .isEqualTo("paid");

            var portal = stripe.v1().billingPortal().sessions().create(
                    com.stripe.param.billingportal.SessionCreateParams.builder()
                            .setCustomer(catalog.customer().getId()).setReturnUrl("https://app.example/billing")
                            .build());
            HttpResponse<String> portalPage = browser.get(URI.create(portal.getUrl()).getPath());
            assertThat(portalPage.body()).contains("active", "Cancel subscription");
        }
    }
}
