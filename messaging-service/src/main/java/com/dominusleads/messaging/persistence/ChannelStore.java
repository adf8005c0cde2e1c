package com.dominusleads.messaging.persistence;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.Provider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Channels with their secrets decrypted, for the senders and the webhooks. */
@ApplicationScoped
public class ChannelStore {

    /**
     * The live channel a webhook URL names, across tenants (a webhook carries no token: the channel it is bound to
     * names the tenant). Empty for an unknown or deleted channel.
     */
    public Uni<Optional<Channel>> findForWebhook(UUID channelId) {
        throw new UnsupportedOperationException("being written");
    }

    /** {@code tenantId}'s live channels of {@code provider}. */
    public Uni<List<Channel>> live(String tenantId, Provider provider) {
        throw new UnsupportedOperationException("being written");
    }

    /** The live channels of {@code provider} of every tenant (the mailbox poller reads them all). */
    public Uni<List<Channel>> liveAcrossTenants(Provider provider) {
        throw new UnsupportedOperationException("being written");
    }
}
