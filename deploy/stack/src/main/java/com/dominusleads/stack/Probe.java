package com.dominusleads.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Readiness checks: an HTTP endpoint answering 2xx, or a loopback TCP port accepting connections. */
public final class Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probe() {
    }

    public static boolean isReady(URI readiness) {
        if ("tcp".equals(readiness.getScheme())) {
            return Ports.inUse(readiness.getPort());
        }
        return httpStatus(readiness) / 100 == 2;
    }

    /** The status an HTTP GET answers with, or -1 when nothing answers. */
    public static int httpStatus(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Polls until {@code ready} holds; gives up early when {@code stillRunning} turns false (a crashed server never
     * becomes ready, so waiting out the timeout would only hide the cause).
     */
    public static boolean await(BooleanSupplier ready, BooleanSupplier stillRunning, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return true;
            }
            if (!stillRunning.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ready.getAsBoolean();
    }
}
