package com.dominusleads.messaging.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Stands where messaging-service's webhook endpoints will be: takes every POST the provider simulator makes, answers
 * 200, and keeps what arrived byte for byte (the raw body, the headers, the path and query as requested).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names lower-case. */
    public record Received(String method, URI uri, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body with one byte changed: what an attacker tampering with a captured request sends. */
        public byte[] tamperedBody() {
            byte[] copy = body.clone();
            copy[copy.length / 2] ^= 0x01;
            return copy;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().getFirst(),
                                (a, b) -> a));
                receiver.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                        body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the public URL of the service it stands for. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The only request whose path ends with {@code pathSuffix}. */
    public Received only(String pathSuffix) {
        List<Received> matching = received.stream().filter(r -> r.uri().getPath().endsWith(pathSuffix)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to …" + pathSuffix + ", got " + matching.size());
        }
        return matching.getFirst();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
