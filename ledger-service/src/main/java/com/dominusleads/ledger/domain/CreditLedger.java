package com.dominusleads.ledger.domain;

import com.dominusleads.events.credit.CreditBalanceLow;
import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.ledger.persistence.AccountStore;
import com.dominusleads.ledger.persistence.DebitStore;
import com.dominusleads.ledger.persistence.MovementStore;
import com.dominusleads.ledger.persistence.MovementStore.Entry;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Where a credit is debited. Every operation runs in the caller's transaction, with the tenant's account row locked
 * first, and writes its events to the outbox in that same transaction: the movement, the debit's state and the
 * event commit together or not at all.
 * <p>
 * Invariant kept here and checked by the consistency query: a tenant with pending debits has a balance of zero —
 * every credit that arrives (a grant, a reversal) first pays the oldest pending debits.
 */
@ApplicationScoped
public class CreditLedger {

    public static final long CREDITS_PER_LEAD = 1;
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";

    private final AccountStore accounts;
    private final MovementStore movements;
    private final DebitStore debits;
    private final OutboxWriter outbox;

    public CreditLedger(AccountStore accounts, MovementStore movements, DebitStore debits, OutboxWriter outbox) {
        this.accounts = accounts;
        this.movements = movements;
        this.debits = debits;
        this.outbox = outbox;
    }

    /**
     * One debit for a qualified lead: charged now if the tenant can pay, otherwise pending (and
     * {@code credit.debit-rejected} published). A lead that already has a debit changes nothing.
     */
    public Uni<Void> debitQualifiedLead(SqlClient tx, String tenantId, String leadId, UUID eventId, String actor) {
        return accounts.lock(tx, tenantId).chain(account -> debits.insertPending(tx, tenantId, leadId, eventId)
                .chain(inserted -> {
                    if (inserted.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID debitId = inserted.get();
                    if (!account.canPay(CREDITS_PER_LEAD)) {
                        return outbox.append(tx, CreditDebitRejected.newBuilder()
                                .setTenantId(tenantId).setPendingDebitId(debitId.toString()).setLeadId(leadId)
                                .setReason(INSUFFICIENT_BALANCE).setBalance(account.balance()).setOccurredAt(now())
                                .build()).replaceWithVoid();
                    }
                    return charge(tx, account, debitId, leadId, actor).chain(after -> accounts.save(tx, after));
                }));
    }

    /** Adds a grant's credits once per grant id, then pays the tenant's pending debits, oldest first. */
    public Uni<GrantResult> grant(SqlClient tx, Grant grant) {
        return accounts.lock(tx, grant.tenantId()).chain(account -> movements.findGrant(tx, grant.tenantId(), grant.grantId())
                .chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().item(new GrantResult(existing.get(), false, account.balance(), 0));
                    }
                    TenantAccount credited = account.credited(grant.credits());
                    String reason = grant.reference() == null ? grant.reason() : grant.reason() + ": " + grant.reference();
                    return movements.record(tx, grant.tenantId(), MovementKind.GRANT, grant.grantId(), reason,
                                    grant.actor(), null,
                                    new Entry(PlatformAccounts.CREDITS_ISSUED, -grant.credits(), null),
                                    new Entry(credited.accountId(), grant.credits(), credited.balance()))
                            .chain(movementId -> settlePending(tx, credited, grant.actor())
                                    .chain(settled -> accounts.save(tx, settled.account())
                                            .replaceWith(new GrantResult(movementId, true, settled.account().balance(),
                                                    settled.count()))));
                }));
    }

    /**
     * Gives a charged debit's credit back, as a compensating movement that names the debit's movement, the reason and
     * who decided; the credit then pays the oldest pending debit, if any. A debit is reversed at most once.
     */
    public Uni<UUID> reverse(SqlClient tx, UUID debitId, String reason, String actor) {
        return debits.find(tx, debitId)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("debit_not_found",
                        "No debit " + debitId + ": check the id in the tenant's statement.")))
                .chain(debit -> accounts.lock(tx, debit.tenantId()).chain(account -> debits.find(tx, debitId)
                        .chain(locked -> {
                            Debit current = locked.orElseThrow();
                            if (current.status() != Debit.DebitStatus.CHARGED) {
                                throw ApiException.conflict("debit_not_charged",
                                        "Debit " + debitId + " is still pending: nothing was charged to give back.");
                            }
                            if (current.reversed()) {
                                throw ApiException.conflict("debit_already_reversed",
                                        "Debit " + debitId + " was already reversed by movement " + current.reversalId() + ".");
                            }
                            TenantAccount credited = account.credited(CREDITS_PER_LEAD);
                            return movements.record(tx, current.tenantId(), MovementKind.REVERSAL,
                                            current.movementId().toString(), reason, actor, current.movementId(),
                                            new Entry(PlatformAccounts.CREDITS_CONSUMED, -CREDITS_PER_LEAD, null),
                                            new Entry(credited.accountId(), CREDITS_PER_LEAD, credited.balance()))
                                    .call(reversalId -> debits.markReversed(tx, debitId, reversalId))
                                    .call(reversalId -> settlePending(tx, credited, actor)
                                            .chain(settled -> accounts.save(tx, settled.account())));
                        })));
    }

    /** Sets a tenant's low-balance warning threshold. */
    public Uni<TenantAccount> setLowBalanceThreshold(SqlClient tx, String tenantId, long threshold) {
        return accounts.lock(tx, tenantId).map(account -> account.withThreshold(threshold))
                .call(account -> accounts.save(tx, account));
    }

    private record Settlement(TenantAccount account, int count) {
    }

    private Uni<Settlement> settlePending(SqlClient tx, TenantAccount account, String actor) {
        if (account.balance() < CREDITS_PER_LEAD) {
            return Uni.createFrom().item(new Settlement(account, 0));
        }
        return debits.oldestPending(tx, account.tenantId(), account.balance() / CREDITS_PER_LEAD)
                .chain(pending -> chargeAll(tx, account, pending, actor)
                        .map(after -> new Settlement(after, pending.size())));
    }

    private Uni<TenantAccount> chargeAll(SqlClient tx, TenantAccount account, List<Debit> pending, String actor) {
        Uni<TenantAccount> chain = Uni.createFrom().item(account);
        for (Debit debit : pending) {
            chain = chain.chain(current -> charge(tx, current, debit.id(), debit.leadId(), actor));
        }
        return chain;
    }

    /** Pays one debit: the entry pair, the debit marked charged, credit.debited (and the low-balance warning). */
    private Uni<TenantAccount> charge(SqlClient tx, TenantAccount account, UUID debitId, String leadId, String actor) {
        TenantAccount after = account.debited(CREDITS_PER_LEAD);
        return movements.record(tx, account.tenantId(), MovementKind.DEBIT, leadId, null, actor, null,
                        new Entry(account.accountId(), -CREDITS_PER_LEAD, after.balance()),
                        new Entry(PlatformAccounts.CREDITS_CONSUMED, CREDITS_PER_LEAD, null))
                .call(movementId -> debits.markCharged(tx, debitId, movementId))
                .call(movementId -> outbox.append(tx, CreditDebited.newBuilder()
                        .setTenantId(account.tenantId()).setDebitId(debitId.toString()).setLeadId(leadId)
                        .setCredits(CREDITS_PER_LEAD).setBalanceAfter(after.balance()).setOccurredAt(now()).build()))
                .call(movementId -> !after.crossedLowBalanceFrom(account) ? Uni.createFrom().voidItem()
                        : outbox.append(tx, CreditBalanceLow.newBuilder()
                                .setTenantId(account.tenantId()).setBalance(after.balance())
                                .setThreshold(after.lowBalanceThreshold()).setOccurredAt(now()).build()).replaceWithVoid())
                .replaceWith(after);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
