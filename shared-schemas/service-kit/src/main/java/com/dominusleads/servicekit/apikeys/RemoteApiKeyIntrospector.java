package com.dominusleads.servicekit.apikeys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks host-service what a host API key is (its introspection endpoint, as this service's service account), and
 * remembers the answer for {@code dominus.api-keys.cache-ttl} (30 s): a revoked or expired key stops working within
 * that time, and a busy key costs one call per interval instead of one per request. Only a fingerprint of the key
 * is kept as the cache key.
 */
@DefaultBean
@ApplicationScoped
public class RemoteApiKeyIntrospector implements ApiKeyIntrospector {

    private record Cached(Introspection answer, Instant until) {
    }

    private static final int MAX_CACHED = 10_000;

    // Least recently used answers go first beyond the bound: random keys sent by a stranger evict each other, not the
    // answers about the keys in use.
    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final ServiceToken serviceToken;
    private final URI endpoint;
    private final Duration ttl;

    public RemoteApiKeyIntrospector(ObjectMapper json, ServiceToken serviceToken,
                              @ConfigProperty(name = "dominus.api-keys.introspection-url") URI endpoint,
                              @ConfigProperty(name = "dominus.api-keys.cache-ttl", defaultValue = "30s") Duration ttl) {
        this.json = json;
        this.serviceToken = serviceToken;
        this.endpoint = endpoint;
        this.ttl = ttl;
    }

    @Override
    public boolean configured() {
        return serviceToken.configured();
    }

    @Override
    public Uni<Introspection> introspect(HostApiKey key) {
        String fingerprint = key.fingerprint();
        Cached cached = cache.get(fingerprint);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return Uni.createFrom().item(cached.answer());
        }
        return serviceToken.get().chain(token -> {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(key))).build();
            return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("host-service could not check the API key: HTTP " + response.statusCode());
            }
            try {
                Introspection answer = json.readValue(response.body(), Introspection.class);
                cache.put(fingerprint, new Cached(answer, Instant.now().plus(ttl)));
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException("host-service's introspection answer is not JSON", e);
            }
        });
    }

    private String body(HostApiKey key) {
        try {
            return json.writeValueAsString(Map.of("key", key.value()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
