package com.dominusleads.host.domain;

import com.dominusleads.servicekit.apikeys.ApiKeyIntrospector;
import com.dominusleads.servicekit.apikeys.HostApiKey;
import com.dominusleads.servicekit.apikeys.Introspection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** host-service owns the keys: its own requests are checked against its database directly, not over HTTP. */
@ApplicationScoped
public class LocalApiKeyIntrospector implements ApiKeyIntrospector {

    private final ApiKeys keys;

    public LocalApiKeyIntrospector(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Uni<Introspection> introspect(HostApiKey key) {
        return keys.introspect(key.value());
    }
}
