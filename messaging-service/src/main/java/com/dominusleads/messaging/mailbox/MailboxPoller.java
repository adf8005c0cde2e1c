package com.dominusleads.messaging.mailbox;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.InboundProcessor;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.email.MailboxReader;
import com.dominusleads.messaging.provider.email.ReceivedMail;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Brings the replies and bounces of every live e-mail channel in, every {@code dominus.messaging.mailbox-poll}
 * (default 10 s; off with {@code dominus.messaging.mailbox-poll.enabled=false}). Per mailbox: read its unseen mails
 * (blocking IMAP, on a worker thread), apply their events, then flag them seen. Applying before flagging means a crash
 * in between re-reads the mails, which deduplication by Message-ID makes harmless; the reverse would lose them. One
 * mailbox failing (server down, password changed) is logged and does not hold up the others.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    /** Mails per mailbox per run: a flooded mailbox is drained over several runs instead of one long one. */
    static final int BATCH = 50;
    /** Mailboxes read at the same time (each holds a worker thread while its server answers). */
    static final int CONCURRENT_MAILBOXES = 4;

    private final ChannelStore channels;
    private final MailboxReader reader;
    private final InboundProcessor inbound;
    private final Vertx vertx;
    private final boolean enabled;

    public MailboxPoller(ChannelStore channels, MailboxReader reader, InboundProcessor inbound, Vertx vertx,
                         @ConfigProperty(name = "dominus.messaging.mailbox-poll.enabled", defaultValue = "true")
                         boolean enabled) {
        this.channels = channels;
        this.reader = reader;
        this.inbound = inbound;
        this.vertx = vertx;
        this.enabled = enabled;
    }

    @Scheduled(every = "${dominus.messaging.mailbox-poll:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return pollAll().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Listing the e-mail channels failed (%s); tried again at the next run", failure.toString());
            return null;
        });
    }

    /** One run over every live e-mail channel. */
    public Uni<Void> pollAll() {
        return channels.liveAcrossTenants(Provider.SMTP)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUni(this::poll).merge(CONCURRENT_MAILBOXES)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> poll(Channel channel) {
        // executeBlocking comes back on this context, where the reactive persistence expects to be called.
        return vertx.executeBlocking(Uni.createFrom().item(() -> reader.poll(channel, BATCH)), false)
                .chain(mails -> apply(channel, mails))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Mailbox of channel %s not read (%s); tried again at the next run", channel.id(),
                            failure.toString());
                    return null;
                });
    }

    private Uni<Void> apply(Channel channel, List<ReceivedMail> mails) {
        if (mails.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProviderEvent> events = mails.stream().map(ReceivedMail::event).flatMap(Optional::stream).toList();
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem() : inbound.accept(channel, events);
        return applied.chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> {
            reader.markSeen(channel, mails);
            return null;
        }), false)).replaceWithVoid();
    }
}
