package com.dominusleads.host.client;

import com.dominusleads.host.config.HostConfig;
import com.dominusleads.servicekit.ledger.LedgerApi;
import com.dominusleads.servicekit.tenancy.CallerCredential;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tenants' credit balances, read from ledger-service (which owns them) at {@code dominus.host.ledger-url} with the
 * caller's own credential forwarded: its access token as the bearer, or — for a machine authenticated with a host API
 * key — its {@code X-API-KEY}. The ledger decides what the caller may read, so host-service never lends anyone more
 * access than they have. A balance is a courtesy next to the usage: when the ledger cannot
 * answer, the reading says why instead of failing the whole report.
 */
@ApplicationScoped
public class LedgerBalances {

    private static final Logger LOG = Logger.getLogger(LedgerBalances.class);
    private static final Duration WAIT = Duration.ofSeconds(6);

    /** A balance, or (both numbers null) why there is none. */
    public record Reading(Long balance, Long pendingDebits, String error) {

        static Reading failed(String error) {
            return new Reading(null, null, error);
        }
    }

    private final LedgerApi ledger;
    private final CallerCredential caller;

    public LedgerBalances(HostConfig config, CallerCredential caller) {
        this.caller = caller;
        this.ledger = QuarkusRestClientBuilder.newBuilder().baseUri(config.ledgerUrl())
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                .build(LedgerApi.class);
    }

    /**
     * Any tenant's balance, as the calling host operator. Call it while serving the request (it reads the caller's
     * credential).
     */
    public Uni<Reading> ofTenant(String tenantId) {
        CallerCredential.Headers credential = caller.headers();
        return read(tenantId, Uni.createFrom().deferred(() -> ledger.tenantBalance(tenantId,
                credential.authorization(), credential.apiKey())));
    }

    /** The calling tenant user's own balance ({@code tenantId}: the caller's, to check the answer against). */
    public Uni<Reading> own(String tenantId) {
        CallerCredential.Headers credential = caller.headers();
        return read(tenantId, Uni.createFrom().deferred(() -> ledger.ownBalance(credential.authorization(),
                credential.apiKey())));
    }

    private static Uni<Reading> read(String tenantId, Uni<LedgerApi.Balance> call) {
        return call.ifNoItem().after(WAIT).fail()
                .map(balance -> tenantId.equals(balance.tenantId())
                        ? new Reading(balance.balance(), balance.pendingDebits(), null)
                        : Reading.failed("ledger-service answered for another tenant"))
                .onFailure().recoverWithItem(failure -> {
                    String why = describe(failure);
                    LOG.warnf("Balance of tenant %s not available: %s", tenantId, why);
                    return Reading.failed(why);
                });
    }

    private static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            return "ledger-service refused the balance (HTTP " + status + ")"
                    + (status == 401 || status == 403 ? ": the caller's token was not accepted there" : "");
        }
        if (failure instanceof TimeoutException) {
            return "ledger-service did not answer within " + WAIT.toSeconds() + " s";
        }
        return "ledger-service is unreachable";
    }
}
