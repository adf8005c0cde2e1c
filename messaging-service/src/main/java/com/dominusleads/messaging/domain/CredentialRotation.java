package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.persistence.ChannelStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Re-encrypts channel secrets written under an older key with the active one ({@link CredentialCipher}), a batch at a
 * time, soon after start and then hourly; once it reports nothing left, the old key can leave the configuration.
 */
@ApplicationScoped
public class CredentialRotation {

    private static final Logger LOG = Logger.getLogger(CredentialRotation.class);

    private final TenantTransactions transactions;
    private final ChannelStore channels;

    public CredentialRotation(TenantTransactions transactions, ChannelStore channels) {
        this.transactions = transactions;
        this.channels = channels;
    }

    @Scheduled(every = "1h", delayed = "${dominus.messaging.rotation.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return rotate().replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Re-encrypting channel credentials failed (%s); the next run retries", failure.toString());
            return null;
        });
    }

    /** Re-encrypts every channel not under the active key yet, a few at a time; the result is how many. */
    public Uni<Integer> rotate() {
        return rotateAfter(new UUID(0, 0));
    }

    private Uni<Integer> rotateAfter(UUID after) {
        return transactions.acrossTenants(tx -> channels.rotateKeys(tx, after, 50))
                .chain(round -> round.examined() == 0 ? Uni.createFrom().item(0)
                        : rotateAfter(round.last()).map(more -> round.rotated() + more))
                .invoke(done -> {
                    if (done > 0) {
                        LOG.infof("Re-encrypted the credentials of %d channel(s) with the active key", done);
                    }
                });
    }
}
