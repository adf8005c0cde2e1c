package com.dominusleads.providersimulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every provider API call answered (sends, connection-state reads, webhook settings…), in arrival order; admin calls
 * and health are not kept. Credentials never are.
 */
public final class RequestLog {

    /** One call: who it was for, what it asked, what it got. */
    public record Entry(Instant at, String provider, String method, String path, int status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    RequestLog() {
    }

    synchronized void add(Entry entry) {
        entries.add(entry);
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
