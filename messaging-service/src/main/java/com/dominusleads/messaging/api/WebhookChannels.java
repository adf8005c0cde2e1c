package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channel a webhook URL names, which is all that names the tenant: webhooks carry no token, and nothing in their
 * body is trusted to say whose they are.
 * <p>
 * Found channels are kept for {@code dominus.messaging.webhooks.channel-cache} (5 s): a provider posts several
 * webhooks per message, and reading and decrypting the channel for each cost a transaction per webhook. A change or
 * deletion made through this instance is seen at once ({@link #forget}); one made through another instance within
 * that time (a secret rotated: the provider retries what was refused). Unknown ids are not kept, so a just-created
 * channel is served at once and random ids cannot fill the cache.
 */
@ApplicationScoped
public class WebhookChannels {

    private record Cached(Channel channel, long expiresAt) {
    }

    private final ChannelStore channels;
    private final long ttlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public WebhookChannels(ChannelStore channels,
                           @ConfigProperty(name = "dominus.messaging.webhooks.channel-cache", defaultValue = "5s")
                           Duration ttl) {
        this.channels = channels;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The live channel {@code channelId} of {@code provider}; fails with 404 {@code channel_not_found} for an unknown,
     * deleted or malformed id, and for a channel of another provider (a URL for one provider is no URL for another).
     */
    public Uni<Channel> find(String channelId, Provider provider) {
        UUID id;
        try {
            id = UUID.fromString(channelId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        Cached cached = cache.get(id);
        long now = System.nanoTime();
        Uni<Channel> found = cached != null && now - cached.expiresAt() < 0 ? Uni.createFrom().item(cached.channel())
                : channels.findForWebhook(id).map(loaded -> loaded.map(channel -> {
                    cache.put(id, new Cached(channel, now + ttlNanos));
                    return channel;
                }).orElseGet(() -> {
                    cache.remove(id);
                    return null;
                }));
        return found.map(channel -> {
            if (channel == null || channel.provider() != provider) {
                throw notFound();
            }
            return channel;
        });
    }

    /** Drops {@code channelId} from the cache: it was changed or deleted through this instance. */
    public void forget(UUID channelId) {
        cache.remove(channelId);
    }

    private static ApiException notFound() {
        return ApiException.notFound("channel_not_found", "No webhook is served at this URL: the channel does not"
                + " exist, was deleted, or belongs to another provider.");
    }
}
