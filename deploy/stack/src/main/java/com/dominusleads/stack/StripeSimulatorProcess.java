package com.dominusleads.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Stripe simulator ({@code deploy/stripe-simulator}) as a server of the local stack, standing in for Stripe's API
 * and sending host-service the signed webhooks Stripe would.
 */
public final class StripeSimulatorProcess {

    public static final String NAME = "stripe-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.stripesimulator.StripeSimulator";

    private StripeSimulatorProcess() {
    }

    /**
     * The simulator on {@code port}, accepting the secret key {@code apiKey} and delivering events to
     * {@code webhookUrl} (e.g. host-service's {@code http://127.0.0.1:8081/…/stripe/webhook}) signed with
     * {@code webhookSecret} ({@code whsec_…}); a null URL leaves delivery off until it is set through
     * {@code POST /_simulator/webhook}.
     */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, String apiKey, String webhookUrl,
                                      String webhookSecret) {
        List<String> arguments = new ArrayList<>(List.of("--api-key", apiKey));
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            arguments.addAll(List.of("--webhook-url", webhookUrl, "--webhook-secret", webhookSecret));
        }
        return SimulatorProcess.prepare(home, NAME, MAIN_CLASS, workDir, port, arguments);
    }
}
