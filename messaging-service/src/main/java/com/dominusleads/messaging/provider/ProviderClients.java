package com.dominusleads.messaging.provider;

import com.dominusleads.messaging.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Each provider's client (the {@link ProviderClient} beans), for whoever calls a channel's provider. */
@ApplicationScoped
public class ProviderClients {

    private final Map<Provider, ProviderClient> clients = new EnumMap<>(Provider.class);

    public ProviderClients(Instance<ProviderClient> all) {
        all.forEach(client -> clients.put(client.provider(), client));
    }

    /** The client of {@code provider}; empty when this build has none. */
    public Optional<ProviderClient> of(Provider provider) {
        return Optional.ofNullable(clients.get(provider));
    }
}
