package com.dominusleads.messaging.api;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The channel a webhook URL names, which is all that names the tenant: webhooks carry no token, and nothing in their
 * body is trusted to say whose they are.
 */
@ApplicationScoped
public class WebhookChannels {

    private final ChannelStore channels;

    public WebhookChannels(ChannelStore channels) {
        this.channels = channels;
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
        return channels.findForWebhook(id)
                .map(found -> found.filter(channel -> channel.provider() == provider).orElseThrow(
                        WebhookChannels::notFound));
    }

    private static ApiException notFound() {
        return ApiException.notFound("channel_not_found", "No webhook is served at this URL: the channel does not"
                + " exist, was deleted, or belongs to another provider.");
    }
}
