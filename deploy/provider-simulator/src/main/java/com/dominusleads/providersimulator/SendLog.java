package com.dominusleads.providersimulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every send received, in arrival order: what tests assert messaging-service did ("no more than N per second per
 * number", "nothing sent to an opted-out contact").
 */
public final class SendLog {

    private final List<Send> sends = new ArrayList<>();

    SendLog() {
    }

    synchronized Send add(SendDraft draft) {
        Send send = draft.toSend(sends.size() + 1L);
        sends.add(send);
        return send;
    }

    /** All sends so far, oldest first. */
    public synchronized List<Send> all() {
        return List.copyOf(sends);
    }

    /** The sends matching {@code filter}, oldest first. */
    public synchronized List<Send> matching(Predicate<Send> filter) {
        return sends.stream().filter(filter).toList();
    }

    /** How many sends match {@code filter}: what a load run polls, without copying the log. */
    public synchronized long count(Predicate<Send> filter) {
        long count = 0;
        for (Send send : sends) {
            if (filter.test(send)) {
                count++;
            }
        }
        return count;
    }

    /** The send whose provider message id is {@code messageId}, or null. */
    public synchronized Send byMessageId(String messageId) {
        for (int i = sends.size() - 1; i >= 0; i--) {
            if (messageId.equals(sends.get(i).messageId())) {
                return sends.get(i);
            }
        }
        return null;
    }

    /** The latest accepted send of {@code provider} to {@code contact}, or null. */
    synchronized Send lastTo(String provider, String contact) {
        for (int i = sends.size() - 1; i >= 0; i--) {
            Send s = sends.get(i);
            if (s.accepted() && s.provider().equals(provider) && s.contact().equals(contact)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The most sends any sliding window of {@code window} held, per key (e.g. {@link Send#from()}): "the simulator saw
     * at most N per second per number" is {@code peak(Duration.ofSeconds(1), Send::from)} ≤ N for every number.
     */
    public synchronized Map<String, Integer> peak(Duration window, Function<Send, String> key,
                                                  Predicate<Send> filter) {
        Map<String, List<Instant>> times = new TreeMap<>();
        for (Send s : sends) {
            if (filter.test(s) && key.apply(s) != null) {
                times.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s.at());
            }
        }
        Map<String, Integer> peaks = new TreeMap<>();
        times.forEach((k, list) -> {
            List<Instant> sorted = list.stream().sorted().toList();
            int best = 0;
            int start = 0;
            for (int end = 0; end < sorted.size(); end++) {
                while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
                    start++;
                }
                best = Math.max(best, end - start + 1);
            }
            peaks.put(k, best);
        });
        return peaks;
    }

    synchronized void clear() {
        sends.clear();
    }

    /** A send before it has its place in the log. */
    record SendDraft(String provider, Channel channel, String account, String from, String to, String contact,
                     String type, String body, String messageId, Instant at, int httpStatus, String errorCode,
                     Outcome outcome, boolean afterOptOut) {

        Send toSend(long seq) {
            return new Send(seq, provider, channel, account, from, to, contact, type, body, messageId, at, httpStatus,
                    errorCode, outcome, afterOptOut);
        }
    }
}
