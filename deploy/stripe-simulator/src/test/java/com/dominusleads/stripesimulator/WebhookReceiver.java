package com.dominusleads.stripesimulator;

import com.dominusleads.simulatorkit.LoopbackServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A webhook endpoint for the tests: keeps every POST it receives and answers a settable status. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String payload, String signature, String contentType, String userAgent) {
    }

    private static final String PATH = "/stripe/webhook";

    private final LoopbackServer server = LoopbackServer.bind("webhook receiver", 0, 16);
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    WebhookReceiver() {
        server.start(exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                if (!exchange.getRequestURI().getPath().equals(PATH)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (received) {
                    received.add(new Received(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("User-Agent")));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
    }

    URI url() {
        return server.baseUri().resolve(PATH);
    }

    void answer(int status) {
        this.status = status;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
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
