package com.dominusleads.leads.client;

import com.dominusleads.leads.config.LeadsConfig;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.ledger.LedgerApi;
import com.dominusleads.servicekit.tenancy.CallerCredential;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The calling tenant's credit balance, asked of ledger-service (which owns it) with the caller's own credential, so
 * the ledger applies its rules to the same user. When the ledger cannot say, nothing is started: 503, try again.
 */
@ApplicationScoped
public class LedgerBalance {

    private static final Logger LOG = Logger.getLogger(LedgerBalance.class);
    private static final long RETRY_AFTER_SECONDS = 10;

    private final LedgerApi ledger;
    private final CallerCredential caller;

    public LedgerBalance(LeadsConfig config, CallerCredential caller) {
        this.caller = caller;
        this.ledger = QuarkusRestClientBuilder.newBuilder().baseUri(config.ledgerUrl())
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                .build(LedgerApi.class);
    }

    /** The caller's tenant's balance in credits; call it while serving the caller's request. */
    public Uni<Long> own(String tenantId) {
        CallerCredential.Headers credential = caller.headers();
        return Uni.createFrom().deferred(() -> ledger.ownBalance(credential.authorization(), credential.apiKey()))
                .map(balance -> {
                    if (!tenantId.equals(balance.tenantId())) {
                        throw new IllegalStateException("ledger-service answered for tenant " + balance.tenantId());
                    }
                    return balance.balance();
                })
                .onFailure().transform(failure -> {
                    String why = failure instanceof WebApplicationException refused
                            ? "HTTP " + refused.getResponse().getStatus() : failure.toString();
                    LOG.warnf("Balance of tenant %s not available from ledger-service: %s", tenantId, why);
                    return new ApiException(503, "ledger_unavailable", "Your credit balance cannot be checked right"
                            + " now, so the qualification was not started: try again in a moment.",
                            java.util.Map.of(), RETRY_AFTER_SECONDS);
                });
    }
}
