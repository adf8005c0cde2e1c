package com.dominusleads.stripesimulator;

import com.stripe.net.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The webhook endpoint the simulator delivers events to, and every delivery attempted. A delivery is one signed POST,
 * exactly as Stripe sends it ({@code Stripe-Signature} computed by stripe-java's {@link Webhook.Signature}); there are
 * no automatic retries, so a receiver's failure shows as a recorded status and is retried only by a resend.
 */
public final class Webhooks {

    /** Where events go and the secret they are signed with. */
    public record Endpoint(URI url, String secret) {
    }

    /**
     * One attempt to deliver an event.
     *
     * @param status the HTTP status the receiver answered; 0 when there was no answer (see {@code error})
     * @param error  why there was no answer (no endpoint, connection refused, timeout); null when answered
     */
    public record Delivery(String eventId, String type, URI url, Instant attemptedAt, int status, String error,
                           long millis) {

        /** Answered with a 2xx, which is all Stripe counts as delivered. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

    private final AtomicReference<Endpoint> endpoint = new AtomicReference<>();
    private final Duration timeout;
    private final HttpClient client;
    private final List<Delivery> deliveries = new ArrayList<>();

    Webhooks(URI url, String secret, Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        if (url != null) {
            endpoint.set(new Endpoint(url, secret));
        }
    }

    /** Points deliveries at {@code url}, signed with {@code secret}; a null URL stops delivering. */
    public void configure(URI url, String secret) {
        if (url == null) {
            endpoint.set(null);
            return;
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook URL needs its signing secret (whsec_…)");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("the webhook URL must be http(s), got " + url);
        }
        endpoint.set(new Endpoint(url, secret));
    }

    /** The endpoint deliveries go to, if any. */
    public Endpoint endpoint() {
        return endpoint.get();
    }

    /** Posts one event's JSON, signed now, and records the outcome. */
    Delivery deliver(String eventId, String type, String payload) {
        Endpoint target = endpoint.get();
        Instant at = Instant.now();
        long started = System.nanoTime();
        if (target == null) {
            return record(new Delivery(eventId, type, null, at, 0, "no webhook endpoint configured", 0));
        }
        int status = 0;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(payload, target.secret()))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (GeneralSecurityException e) {
            error = "cannot sign: " + e;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return record(new Delivery(eventId, type, target.url(), at, status, error, millis));
    }

    private synchronized Delivery record(Delivery delivery) {
        deliveries.add(delivery);
        return delivery;
    }

    /** Every delivery attempted, oldest first. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void clear() {
        deliveries.clear();
    }
}
