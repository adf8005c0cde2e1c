package com.dominusleads.stripesimulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every API request the simulator answered (admin calls, pages and health are not API requests), in arrival order:
 * what a test asserts the caller sent. Secrets are not kept: the key the caller authenticated with never is.
 */
public final class RequestLog {

    /**
     * One API request.
     *
     * @param requestId      the {@code Request-Id} answered ({@code req_…})
     * @param params         the form (or query) parameters as a tree: {@code line_items[0][price]} is
     *                       {@code params.line_items[0].price}
     * @param form           the same parameters flat, names in bracket notation
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @param stripeVersion  the {@code Stripe-Version} header, or null
     * @param replayed       answered from the idempotency store rather than executed
     */
    public record Entry(Instant at, String requestId, String method, String path, ObjectNode params,
                        Map<String, String> form, String idempotencyKey, String stripeVersion, int status,
                        boolean replayed) {

        public Entry {
            form = Map.copyOf(form);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    RequestLog() {
    }

    synchronized void add(Entry entry) {
        entries.add(entry);
    }

    /** The requests so far, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The requests to {@code method path}, oldest first. */
    public synchronized List<Entry> to(String method, String path) {
        return entries.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
