package com.dominusleads.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the API calls a simulator received (admin calls under {@code /_simulator} are not counted): in total, per
 * kind of path, per status answered, and per fault injected. Faulted calls count like any other; a call whose
 * connection was dropped (reset, or a hang cut short by close) has no status. Thread-safe; {@link #reset()} starts
 * over, including the sequence that fault draws follow.
 */
public final class CallLog {

    /** What a call asked for. */
    public enum Kind {
        /** {@code GET /v1/companies/{cnpj}} */
        COMPANY,
        /** {@code GET /v1/companies?cnae_principal=…} */
        LIST,
        /** {@code POST /v1/companies/search} */
        SEARCH,
        /** {@code GET /health} or {@code GET /v1/health} */
        HEALTH,
        /** anything else (answered 404 or 405) */
        OTHER
    }

    /** A fault injected into a call. */
    public enum Fault {
        LATENCY, SERVER_ERROR, TOO_MANY_REQUESTS, MALFORMED_JSON, CONNECTION_RESET, HANG, MISSING_META
    }

    /** The counts at one moment. */
    public record Snapshot(long total, Map<Kind, Long> byKind, Map<Integer, Long> byStatus, Map<Fault, Long> byFault) {
    }

    private static final int KEPT_ARRIVALS = 10_000;

    private final AtomicLong total = new AtomicLong();
    /** Arrival times (System.nanoTime) of the latest calls, oldest first: what rate limits are checked against. */
    private final ConcurrentLinkedDeque<Long> arrivals = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final Map<Kind, LongAdder> byKind = new EnumMap<>(Kind.class);
    private final Map<Fault, LongAdder> byFault = new EnumMap<>(Fault.class);
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    CallLog() {
        for (Kind k : Kind.values()) {
            byKind.put(k, new LongAdder());
        }
        for (Fault f : Fault.values()) {
            byFault.put(f, new LongAdder());
        }
    }

    /** Records a call as it arrives; returns its sequence number (0 for the first since start or reset). */
    long arrived(Kind kind) {
        byKind.get(kind).increment();
        arrivals.addLast(System.nanoTime());
        if (kept.incrementAndGet() > KEPT_ARRIVALS && arrivals.pollFirst() != null) {
            kept.decrementAndGet(); // a counter: the deque's size() walks it
        }
        return total.getAndIncrement();
    }

    void answered(int status) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void faulted(Fault fault) {
        byFault.get(fault).increment();
    }

    /** Every API call received. */
    public long total() {
        return total.get();
    }

    public long count(Kind kind) {
        return byKind.get(kind).sum();
    }

    /** Calls answered with {@code status}. */
    public long withStatus(int status) {
        LongAdder n = byStatus.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Calls into which {@code fault} was injected. */
    public long count(Fault fault) {
        return byFault.get(fault).sum();
    }

    /**
     * The most calls received within any {@code window} among the latest {@value #KEPT_ARRIVALS}: a client's rate
     * limit holds when this stays at or under its quota.
     */
    public int maxCallsWithin(Duration window) {
        long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int most = 0;
        for (int first = 0, last = 0; last < times.length; last++) {
            while (times[last] - times[first] >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    public Snapshot snapshot() {
        Map<Kind, Long> kinds = new EnumMap<>(Kind.class);
        byKind.forEach((k, n) -> kinds.put(k, n.sum()));
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((s, n) -> statuses.put(s, n.sum()));
        Map<Fault, Long> faults = new EnumMap<>(Fault.class);
        byFault.forEach((f, n) -> faults.put(f, n.sum()));
        return new Snapshot(total.get(), Map.copyOf(kinds), Map.copyOf(statuses), Map.copyOf(faults));
    }

    /** Forgets every count. */
    public void reset() {
        byKind.values().forEach(LongAdder::reset);
        byFault.values().forEach(LongAdder::reset);
        byStatus.clear();
        arrivals.clear();
        kept.set(0);
        total.set(0);
    }
}
