package com.dominusleads.providersimulator;

import java.text.Normalizer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated people on the other end: what each does with a message (from the script, else drawn with the seed),
 * how long they take, and whether they have opted out. A contact who opted out answers nothing more unless the script
 * says otherwise.
 */
public final class Contacts {

    /**
     * What will happen to one accepted send.
     *
     * @param errorCode     the provider error code the failure carries, when the script gives one
     * @param statusAtMillis when the first status comes, after the send
     * @param replyAtMillis  when the read receipt and the reply come (not before the status)
     * @param afterOptOut    the contact had opted out before this send
     */
    record Plan(Outcome outcome, Integer errorCode, long statusAtMillis, long replyAtMillis, boolean afterOptOut) {
    }

    /** One contact as the simulator sees it. */
    public record View(String contact, int sends, Outcome lastOutcome, Instant optedOutAt, String optedOutVia) {
    }

    private static final class State {
        int sends;
        final Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        Outcome lastOutcome;
        Instant optedOutAt;
        String optedOutVia;
    }

    private final Draws draws;
    private final Map<String, State> states = new TreeMap<>();

    Contacts(Draws draws) {
        this.draws = draws;
    }

    /** Decides the outcome of a send to {@code contact} on {@code channel}, and counts the send. */
    synchronized Plan plan(Channel channel, String contact, SimulatorConfig config) {
        State state = states.computeIfAbsent(contact, c -> new State());
        int nth = state.sends++;
        int nthOnChannel = state.perChannel.merge(channel, 1, Integer::sum) - 1;
        SimulatorConfig.Script script = config.outcomes().script().get(contact);
        SimulatorConfig.Planned planned = script == null ? null : script.at(channel, nthOnChannel);
        boolean afterOptOut = state.optedOutAt != null;
        Outcome outcome;
        Integer code = null;
        if (planned != null) {
            outcome = planned.outcome();
            code = planned.errorCode();
        } else if (afterOptOut) {
            outcome = Outcome.SILENCE;
        } else {
            outcome = draw(config.outcomes().probabilities(), "outcome|" + contact + "|" + nth);
        }
        if (channel == Channel.EMAIL && outcome == Outcome.LANDLINE) {
            outcome = Outcome.SILENCE;
        }
        state.lastOutcome = outcome;
        SimulatorConfig.Latency latency = config.latency();
        long status = latency.statusMillis() + jitter(latency, "status|" + contact + "|" + nth);
        long reply = Math.max(status, latency.replyMillis() + jitter(latency, "reply|" + contact + "|" + nth));
        return new Plan(outcome, code, status, reply, afterOptOut);
    }

    private Outcome draw(Map<Outcome, Double> probabilities, String key) {
        double u = draws.unit(key);
        double cumulative = 0;
        for (Outcome outcome : Outcome.values()) {
            cumulative += probabilities.getOrDefault(outcome, 0.0);
            if (u < cumulative) {
                return outcome;
            }
        }
        return Outcome.SILENCE;
    }

    private long jitter(SimulatorConfig.Latency latency, String key) {
        return Math.round(draws.unit(key) * latency.jitterMillis());
    }

    /** Records that {@code contact} opted out (the first time counts). */
    synchronized void optOut(String contact, Instant at, String via) {
        State state = states.computeIfAbsent(contact, c -> new State());
        if (state.optedOutAt == null) {
            state.optedOutAt = at;
            state.optedOutVia = via;
        }
    }

    /** Whether {@code contact} has opted out. */
    public synchronized boolean optedOut(String contact) {
        State state = states.get(contact);
        return state != null && state.optedOutAt != null;
    }

    /** Every contact sent to or heard from, by key. */
    public synchronized List<View> all() {
        return states.entrySet().stream().map(e -> new View(e.getKey(), e.getValue().sends, e.getValue().lastOutcome,
                e.getValue().optedOutAt, e.getValue().optedOutVia)).toList();
    }

    synchronized void clear() {
        states.clear();
    }

    /**
     * Whether {@code text} is an opt-out: one of {@code words}, compared without case, accents or surrounding
     * punctuation, alone or followed by more words ("PARE", "pare.", "Sair por favor").
     */
    static boolean isOptOut(String text, List<String> words) {
        String said = plain(text);
        for (String word : words) {
            String w = plain(word);
            if (!w.isEmpty() && (said.equals(w) || said.startsWith(w + " "))) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
