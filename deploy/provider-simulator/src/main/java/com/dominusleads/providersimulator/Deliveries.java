package com.dominusleads.providersimulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Posts webhooks and keeps every delivery, each with what is needed to send it again: the same body with the same
 * headers (a replay, as a provider retrying or an attacker repeating a captured request), or the same body signed
 * anew. There are no automatic retries: a receiver's failure shows as a recorded status and is repeated only on
 * request.
 */
public final class Deliveries {

    /** Computes the signature headers of one request. */
    interface Signer {
        Map<String, String> headers(URI url, byte[] body);
    }

    /** Carries one request: an HTTP POST, or SMTP for mail. */
    interface Transport {
        /** The status answered; an exception when there was no answer. */
        int send(URI url, Map<String, String> headers, byte[] body) throws IOException, InterruptedException;
    }

    /** One request to make, before it is signed. */
    record Outbound(String provider, String kind, String event, String messageId, String contact, URI url,
                    Map<String, String> fixedHeaders, byte[] body, Signer signer, Transport transport,
                    String noUrlReason) {
    }

    private record Made(Outbound outbound, Map<String, String> headers) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, Made> made = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Deliveries(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The transport of HTTP webhooks: a POST of the body with the headers. */
    Transport http() {
        return (url, headers, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }

    /** Signs, sends and records {@code outbound}. */
    Delivery deliver(Outbound outbound) {
        return attempt(outbound, null, null);
    }

    /**
     * Sends delivery {@code id} again: the same body to the same URL, with the same headers ({@code resign} false: a
     * replay) or freshly signed ones ({@code resign} true).
     */
    public Delivery resend(String id, boolean resign) {
        Made original;
        synchronized (this) {
            original = made.get(id);
        }
        if (original == null) {
            throw new IllegalArgumentException("no delivery " + id);
        }
        return attempt(original.outbound(), resign ? null : original.headers(), id);
    }

    private Delivery attempt(Outbound o, Map<String, String> replayedHeaders, String resendOf) {
        String id = "dlv_" + ids.incrementAndGet();
        Instant at = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>(o.fixedHeaders());
        if (replayedHeaders != null) {
            headers = new LinkedHashMap<>(replayedHeaders);
        } else if (o.signer() != null && o.url() != null) {
            headers.putAll(o.signer().headers(o.url(), o.body()));
        }
        String body = new String(o.body(), StandardCharsets.UTF_8);
        if (o.url() == null) {
            return record(new Delivery(id, o.provider(), o.kind(), o.event(), o.messageId(), o.contact(), null,
                    headers, body, at, 0, o.noUrlReason(), 0, resendOf), new Made(o, headers));
        }
        long started = System.nanoTime();
        int status = 0;
        String error = null;
        try {
            status = o.transport().send(o.url(), headers, o.body());
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = e.toString();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return record(new Delivery(id, o.provider(), o.kind(), o.event(), o.messageId(), o.contact(),
                o.url().toString(), headers, body, at, status, error, millis, resendOf), new Made(o, headers));
    }

    private synchronized Delivery record(Delivery delivery, Made how) {
        deliveries.add(delivery);
        made.put(delivery.id(), how);
        return delivery;
    }

    /** Every delivery attempted, oldest first. */
    public synchronized List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    /** The deliveries matching {@code filter}, oldest first. */
    public synchronized List<Delivery> matching(Predicate<Delivery> filter) {
        return deliveries.stream().filter(filter).toList();
    }

    /** Delivery {@code id}, or null. */
    public synchronized Delivery get(String id) {
        return deliveries.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    synchronized void clear() {
        deliveries.clear();
        made.clear();
    }
}
