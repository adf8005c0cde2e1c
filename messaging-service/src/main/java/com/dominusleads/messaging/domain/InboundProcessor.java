package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.provider.ProviderEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Applies what verified webhooks and polled mailboxes report, for the tenant of the channel they came through: replies
 * (deduplicated by provider id, tied to their conversation, opt-outs honoured at once) and delivery statuses.
 */
@ApplicationScoped
public class InboundProcessor {

    /** Applies {@code events}, received through {@code channel}, in one transaction; idempotent. */
    public Uni<Void> accept(Channel channel, List<ProviderEvent> events) {
        throw new UnsupportedOperationException("being written");
    }
}
