package com.dominusleads.messaging.provider;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.OutgoingMessage;
import com.dominusleads.messaging.domain.Provider;
import io.smallrye.mutiny.Uni;

/**
 * One provider's outbound API, called with our own HTTP/SMTP clients (never an SDK that retries on its own: a retried
 * send is a second message to a person). Implementations are CDI beans, one per {@link Provider}.
 */
public interface ProviderClient {

    Provider provider();

    /** Sends {@code message} through {@code channel}, once. Never fails: every outcome is a {@link SendResult}. */
    Uni<SendResult> send(Channel channel, OutgoingMessage message);

    /**
     * Asks the provider whether {@code message}, tried from {@link OutgoingMessage#firstTryAt()}, was already
     * accepted (the process stopped between the call and recording its answer). Never fails.
     */
    Uni<Reconciliation> reconcile(Channel channel, OutgoingMessage message);
}
