package com.dominusleads.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outreach baseline: the provider simulator sent Meta text messages straight from a plain HTTP client, {@value
 * #IN_FLIGHT} at a time, for a phone number without a webhook URL (nothing is posted back). What the provider side of
 * the benchmark can take on this machine in this run.
 */
final class RawMetaSendsRun {

    private static final int IN_FLIGHT = 16;

    private RawMetaSendsRun() {
    }

    static Throughput measure(HttpClient http, URI simulator, String phoneNumberId, int count)
            throws InterruptedException {
        URI messages = simulator.resolve("/v21.0/" + phoneNumberId + "/messages");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<String> failure = new AtomicReference<>();
        long begin = System.nanoTime();
        for (int i = 0; i < count && failure.get() == null; i++) {
            inFlight.acquire();
            // The body MetaClient sends: a text with our message id as biz_opaque_callback_data.
            String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
                    + OutreachRun.mobile(i).substring(1) + "\",\"type\":\"text\",\"text\":{\"preview_url\":false,"
                    + "\"body\":\"Olá! Somos da Acme.\"},\"biz_opaque_callback_data\":\"" + UUID.randomUUID()
                    + "\"}";
            HttpRequest request = HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer bench-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    failure.compareAndSet(null, error != null ? error.toString()
                            : "HTTP " + response.statusCode() + " " + response.body());
                }
            });
        }
        inFlight.acquire(IN_FLIGHT);
        long elapsed = System.nanoTime() - begin;
        if (failure.get() != null) {
            throw new IllegalStateException("the raw Meta baseline failed: " + failure.get());
        }
        return new Throughput(count, elapsed);
    }
}
