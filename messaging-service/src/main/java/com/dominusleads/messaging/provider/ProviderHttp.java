package com.dominusleads.messaging.provider;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP client every provider API is called with: one Vert.x web client for all channels, with a bounded connect
 * time and a bounded wait for the answer, that never retries nor follows redirects on its own (a retried send is a
 * second message to a person; retrying is the dispatcher's decision, after classifying the failure).
 */
@ApplicationScoped
public class ProviderHttp {

    private final WebClient client;
    private final long timeoutMillis;

    public ProviderHttp(Vertx vertx,
                        @ConfigProperty(name = "dominus.messaging.providers.connect-timeout", defaultValue = "5s")
                        Duration connectTimeout,
                        @ConfigProperty(name = "dominus.messaging.providers.timeout", defaultValue = "15s")
                        Duration timeout,
                        @ConfigProperty(name = "dominus.messaging.providers.max-connections", defaultValue = "64")
                        int maxConnections) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                // Per provider host. Vert.x's default of 5 serialises the dispatcher's hundreds of sends in flight on
                // 5 connections: at a real provider's ~100 ms round trip, 50 sends/s per instance at most.
                .setMaxPoolSize(maxConnections)
                .setFollowRedirects(false)
                .setUserAgent("DominusLeads-messaging"));
        this.timeoutMillis = timeout.toMillis();
    }

    public HttpRequest<Buffer> post(String url) {
        return client.postAbs(url).timeout(timeoutMillis);
    }

    public HttpRequest<Buffer> get(String url) {
        return client.getAbs(url).timeout(timeoutMillis);
    }

    /**
     * {@code base} (a configured or channel-given URL, with or without a trailing slash) followed by {@code segments},
     * each percent-encoded: an Evolution instance name may hold spaces or slashes.
     */
    public static String url(String base, String... segments) {
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        for (String segment : segments) {
            url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
