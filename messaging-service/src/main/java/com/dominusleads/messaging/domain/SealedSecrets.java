package com.dominusleads.messaging.domain;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A channel's secrets, decrypted on first use: a channel whose credentials cannot be decrypted (a key retired too
 * early) fails its own sends, as a channel failure, instead of every round, list or poll that loads it with others.
 */
public final class SealedSecrets extends AbstractMap<String, String> {

    private final Supplier<Map<String, String>> unseal;
    private volatile Map<String, String> secrets;

    public SealedSecrets(Supplier<Map<String, String>> unseal) {
        this.unseal = unseal;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Map<String, String> open = secrets;
        if (open == null) {
            try {
                open = Map.copyOf(unseal.get());
            } catch (RuntimeException unreadable) {
                // IllegalStateException: providers' callers treat it as a misconfigured channel.
                throw new IllegalStateException("the channel's credentials cannot be decrypted ("
                        + unreadable.getClass().getSimpleName() + ")", unreadable);
            }
            secrets = open;
        }
        return open.entrySet();
    }

    @Override
    public String toString() {
        return "SealedSecrets";   // never the values
    }
}
