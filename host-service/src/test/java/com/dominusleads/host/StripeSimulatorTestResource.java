package com.dominusleads.host;

import com.dominusleads.stripesimulator.SimulatorOptions;
import com.dominusleads.stripesimulator.StripeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * The Stripe simulator in this JVM, host-service's Stripe API base. Its webhooks go to the application's
 * {@code /webhooks/stripe} once a test names the port ({@link #deliverTo}); they are signed with {@link #WEBHOOK_SECRET},
 * which the application is configured to verify. Shared by the test classes of the JVM, like the other servers.
 */
public class StripeSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk_test_host_service_0123456789abcdefWXYZ";
    public static final String WEBHOOK_SECRET = "whsec_host_service_test";
    /** This deployment's prefix of every Stripe idempotency key (not the default, so that tests see it is read). */
    public static final String IDEMPOTENCY_PREFIX = "host-test";

    private static StripeSimulator simulator;

    public static synchronized StripeSimulator simulator() {
        if (simulator == null) {
            simulator = StripeSimulator.start(0, SimulatorOptions.of(API_KEY));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "stripe-simulator-stop"));
        }
        return simulator;
    }

    /** Points the simulator's webhooks at the application under test (its port is known only once it runs). */
    public static void deliverTo(int port) {
        simulator().webhooks().configure(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"), WEBHOOK_SECRET);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "dominus.host.stripe.api-key", API_KEY,
                "dominus.host.stripe.api-base", simulator().baseUri().toString(),
                "dominus.host.stripe.webhook-secret", WEBHOOK_SECRET,
                "dominus.host.stripe.idempotency-prefix", IDEMPOTENCY_PREFIX);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
