package com.dominusleads.simulatorkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook endpoint for tests: keeps every request it receives (method, the full URL as requested, headers, raw
 * body), in arrival order, and answers a settable status, or what its replies function says for the requests it
 * recognises (a provider's verification handshake).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names lower-case. */
    public record Received(String method, String url, Map<String, String> headers, byte[] raw) {

        public String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return SimulatorHttp.json(body());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String path() {
            return URI.create(url).getPath();
        }
    }

    /** An answer with a body. */
    public record Reply(int status, String body) {
    }

    private final LoopbackServer server = LoopbackServer.bind("webhook receiver", 0, 64);
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    /** Answers every request with the status set by {@link #answer} (200 until then). */
    public WebhookReceiver() {
        this(request -> null);
    }

    /** Answers what {@code replies} says, or, where it says null, the status set by {@link #answer}. */
    public WebhookReceiver(Function<Received, Reply> replies) {
        server.start(exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
                Received request = new Received(exchange.getRequestMethod(), base() + exchange.getRequestURI(),
                        headers, in.readAllBytes());
                synchronized (received) {
                    received.add(request);
                    received.notifyAll();
                }
                Reply reply = replies.apply(request);
                if (reply == null) {
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return server.baseUri().toString();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return base() + path;
    }

    public void answer(int status) {
        this.status = status;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits up to 10 s until {@code count} requests match {@code filter}; those requests, in arrival order. */
    public List<Received> await(int count, Predicate<Received> filter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (received) {
            while (true) {
                List<Received> matching = received.stream().filter(filter).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching requests, got " + matching.size()
                            + " of " + received.size() + ": " + received.stream().map(Received::url).toList());
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public List<Received> await(int count) throws InterruptedException {
        return await(count, r -> true);
    }

    /** The only request received so far whose path ends with {@code pathSuffix}. */
    public Received only(String pathSuffix) {
        List<Received> matching = received().stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to …" + pathSuffix + ", got " + matching.size());
        }
        return matching.getFirst();
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
