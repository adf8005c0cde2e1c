package com.dominusleads.servicekit.apikeys;

import io.smallrye.mutiny.Uni;

/** Who decides whether a presented host API key is usable: host-service, asked over HTTP by every other service. */
public interface ApiKeyIntrospector {

    /** Whether this service can check keys at all (it has the credentials to ask). */
    boolean configured();

    Uni<Introspection> introspect(HostApiKey key);
}
