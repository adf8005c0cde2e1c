package com.dominusleads.providersimulator;

import com.dominusleads.simulatorkit.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of the tests whose simulator posts webhooks: a {@link WebhookReceiver} and a simulator configured to post
 * to it, both new for each test and closed after it, and an {@link Http} client of the simulator.
 */
abstract class ReceivingTest {

    WebhookReceiver receiver;
    ProviderSimulator simulator;
    Http http;

    /** The simulator's options, which name {@code receiver}'s URLs. */
    abstract SimulatorOptions options(WebhookReceiver receiver);

    @BeforeEach
    final void startSimulatorAndReceiver() {
        receiver = new WebhookReceiver(MetaVerification::reply);
        simulator = ProviderSimulator.start(0, options(receiver));
        http = new Http(simulator.baseUri());
    }

    @AfterEach
    final void stopSimulatorAndReceiver() {
        simulator.close();
        receiver.close();
    }
}
