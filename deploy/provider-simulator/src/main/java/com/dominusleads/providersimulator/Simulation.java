package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state every provider shares: the configuration, the contacts and their outcomes, the logs of sends, calls and
 * deliveries, the follow-ups under way and the injected faults; and the one way a send is accepted (recorded, then
 * its outcome played through its provider's webhooks).
 */
final class Simulation {

    final SimulatorOptions options;
    final Contacts contacts;
    final SendLog sends = new SendLog();
    final RequestLog requests = new RequestLog();
    final Deliveries deliveries;
    final FollowUps followUps = new FollowUps();
    final Faults faults;
    private final Supplier<URI> baseUri;
    private final AtomicReference<SimulatorConfig> config = new AtomicReference<>();
    private final List<Consumer<SimulatorConfig>> listeners = new CopyOnWriteArrayList<>();

    Simulation(SimulatorOptions options, Supplier<URI> baseUri) {
        this.options = options;
        this.baseUri = baseUri;
        Draws draws = new Draws(options.seed());
        this.contacts = new Contacts(draws);
        this.faults = new Faults(draws);
        this.deliveries = new Deliveries(options.webhookTimeout());
        config.set(SimulatorConfig.parse(SimulatorConfig.merge(SimulatorConfig.defaults(), options.config())));
    }

    SimulatorConfig config() {
        return config.get();
    }

    URI baseUri() {
        return baseUri.get();
    }

    /** Merges {@code patch} (RFC 7386) into the configuration; nothing changes when the result is not valid. */
    synchronized SimulatorConfig configure(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object");
        }
        return install(SimulatorConfig.parse(SimulatorConfig.merge(config.get().json(), patch)));
    }

    /** Replaces the configuration by {@code full} over the defaults. */
    synchronized SimulatorConfig replace(JsonNode full) {
        if (full == null || !full.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object");
        }
        return install(SimulatorConfig.parse(SimulatorConfig.merge(SimulatorConfig.defaults(), full)));
    }

    private SimulatorConfig install(SimulatorConfig next) {
        config.set(next);
        listeners.forEach(l -> l.accept(next));
        return next;
    }

    /** Calls {@code listener} with every configuration installed from now on. */
    void onConfig(Consumer<SimulatorConfig> listener) {
        listeners.add(listener);
    }

    /** Records a send the provider refused or accepted (before answering, so that the log never lags the caller). */
    Send record(SendLog.SendDraft draft) {
        return sends.add(draft);
    }

    /** Plays {@code send}'s outcome through {@code provider}'s webhooks (once the caller has its answer). */
    void play(Send send, Contacts.Plan plan, Provider provider) {
        List<FollowUps.Step> steps = new ArrayList<>();
        long s = plan.statusAtMillis();
        long r = plan.replyAtMillis();
        Integer code = plan.errorCode();
        switch (plan.outcome()) {
            case INTERESTED, NOT_INTERESTED, OPT_OUT -> {
                String reply = config().outcomes().reply(plan.outcome());
                steps.add(step(s, provider, send, Provider.Step.SENT, null, null));
                steps.add(step(s, provider, send, Provider.Step.DELIVERED, null, null));
                steps.add(step(r, provider, send, Provider.Step.READ, null, null));
                FollowUps.Step replyStep = step(r, provider, send, Provider.Step.REPLY, null, reply);
                steps.add(plan.outcome() != Outcome.OPT_OUT ? replyStep : new FollowUps.Step(r, () -> {
                    replyStep.action().run();
                    contacts.optOut(send.contact(), Instant.now(), send.provider());
                }));
            }
            case SILENCE -> {
                steps.add(step(s, provider, send, Provider.Step.SENT, null, null));
                steps.add(step(s, provider, send, Provider.Step.DELIVERED, null, null));
            }
            case NO_DELIVERY -> steps.add(step(s, provider, send, Provider.Step.SENT, null, null));
            case INVALID_NUMBER, LANDLINE -> steps.add(step(s, provider, send, Provider.Step.FAILED, code, null));
        }
        followUps.play(send.provider() + "-" + send.seq(), steps);
    }

    private static FollowUps.Step step(long at, Provider provider, Send send, Provider.Step step, Integer code,
                                       String reply) {
        return new FollowUps.Step(at, () -> provider.play(send, step, code, reply));
    }

    /** A contact said {@code text} through {@code provider}: an opt-out word opts them out now. */
    void heard(String contact, String text, String provider) {
        if (Contacts.isOptOut(text, config().outcomes().optOutWords())) {
            contacts.optOut(contact, Instant.now(), provider);
        }
    }

    /** Forgets sends, calls, deliveries, contacts, follow-ups and pending faults; optionally the configuration too. */
    synchronized void reset(boolean restoreConfig) {
        followUps.cancelAll();
        sends.clear();
        requests.clear();
        deliveries.clear();
        contacts.clear();
        faults.clear();
        if (restoreConfig) {
            install(SimulatorConfig.parse(SimulatorConfig.merge(SimulatorConfig.defaults(),
                    options.config())));
        }
    }
}
