package com.dominusleads.messaging.domain;

import java.util.Map;
import java.util.UUID;

/**
 * A tenant's sender as the providers need it: its address, its provider settings (Meta phone-number id, Twilio account
 * SID, Evolution server and instance, SMTP/IMAP hosts) and its secrets, decrypted (when first used, see
 * {@link SealedSecrets}). Never logged, never serialised:
 * {@link #toString()} leaves the secrets out.
 */
public record Channel(UUID id, String tenantId, ChannelKind kind, Provider provider, String address,
                      Map<String, String> settings, Map<String, String> secrets, int dailyCap, int perSecond) {

    public Channel {
        settings = Map.copyOf(settings);
        secrets = secrets instanceof SealedSecrets ? secrets : Map.copyOf(secrets);
    }

    /** A provider setting, or {@code fallback} when the channel has none. */
    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }

    /** A provider setting the channel must have (checked when it was created). */
    public String setting(String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalStateException("channel " + id + " has no setting " + name);
        }
        return value;
    }

    /** A secret the channel must have (checked when it was created). */
    public String secret(String name) {
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException("channel " + id + " has no secret " + name);
        }
        return value;
    }

    /** A secret the channel may have. */
    public String optionalSecret(String name) {
        return secrets.get(name);
    }

    @Override
    public String toString() {
        return "Channel[" + id + ", " + tenantId + ", " + kind + " via " + provider + ", " + address + "]";
    }
}
