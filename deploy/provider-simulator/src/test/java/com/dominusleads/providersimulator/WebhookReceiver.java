package com.dominusleads.providersimulator;

import com.dominusleads.simulatorkit.LoopbackServer;
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
import java.util.function.Predicate;

/**
 * A webhook endpoint for the tests: keeps every request it receives (method, the full URL as requested, headers, raw
 * body) and answers a settable status. A GET with {@code hub.challenge} is answered as Meta's verification expects
 * when {@code hub.verify_token} is {@link #VERIFY_TOKEN}, and refused (403) otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String VERIFY_TOKEN = "the-verify-token";

    record Received(String method, String url, Map<String, String> headers, byte[] raw) {

        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Http.json(body());
        }

        Map<String, String> form() {
            return FormData.parse(body());
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String path() {
            return URI.create(url).getPath();
        }
    }

    private final LoopbackServer server = LoopbackServer.bind("webhook receiver", 0, 64);
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    WebhookReceiver() {
        server.start(exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
                String url = base() + exchange.getRequestURI().toString();
                synchronized (received) {
                    received.add(new Received(exchange.getRequestMethod(), url, headers, body));
                    received.notifyAll();
                }
                Map<String, String> query = FormData.parse(exchange.getRequestURI().getRawQuery());
                if (exchange.getRequestMethod().equals("GET") && query.containsKey("hub.challenge")) {
                    boolean ok = VERIFY_TOKEN.equals(query.get("hub.verify_token"))
                            && "subscribe".equals(query.get("hub.mode"));
                    byte[] answer = (ok ? query.get("hub.challenge") : "forbidden").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(ok ? 200 : 403, answer.length);
                    exchange.getResponseBody().write(answer);
                    return;
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
    }

    String base() {
        return server.baseUri().toString();
    }

    /** The URL of {@code path} on this receiver. */
    String url(String path) {
        return base() + path;
    }

    void answer(int status) {
        this.status = status;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until {@code count} requests match {@code filter}; those requests, in arrival order. */
    List<Received> await(int count, Predicate<Received> filter) throws InterruptedException {
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

    List<Received> await(int count) throws InterruptedException {
        return await(count, r -> true);
    }

    void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
