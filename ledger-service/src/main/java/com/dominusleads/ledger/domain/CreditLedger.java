package com.dominusleads.ledger.domain;

import com.dominusleads.events.credit.CreditBalanceLow;
import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.ledger.domain.Movement.Entry;
import com.dominusleads.ledger.persistence.AccountStore;
import com.dominusleads.ledger.persistence.DebitStore;
import com.dominusleads.ledger.persistence.MovementStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where a credit is debited. Every operation runs in the caller's transaction, with the tenant's account row locked
 * first, and writes its events to the outbox in that same transaction: the movements, the debits' states and the
 * events commit together or not at all. Work is done per tenant and batch (one lock, one multi-row insert per table),
 * not per lead, so a burst of qualifications costs a handful of statements.
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
     * One debit per qualified lead of {@code tenantId}, in the given order: charged while the tenant can pay, the
     * rest pending (each with {@code credit.debit-rejected}). A lead that already has a debit changes nothing.
     */
    public Uni<Void> debitQualifiedLeads(SqlClient tx, String tenantId, List<QualifiedLead> leads, String actor) {
        return accounts.lock(tx, tenantId).chain(account -> debits.insertPending(tx, tenantId, leads)
                .chain(created -> {
                    int payable = (int) Math.min(created.size(), account.balance() / CREDITS_PER_LEAD);
                    return charge(tx, account, created.subList(0, payable), actor)
                            .call(after -> outbox.appendAll(tx, created.subList(payable, created.size()).stream()
                                    .map(debit -> rejected(debit, after.balance())).toList()))
                            // Nothing paid (all duplicates, or no credit): the account row is left as it was.
                            .call(after -> payable == 0 ? Uni.createFrom().voidItem() : accounts.save(tx, after));
                }))
                .replaceWithVoid();
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
                    Movement movement = Movement.of(grant.tenantId(), MovementKind.GRANT, grant.grantId(), reason,
                            grant.actor(), null, new Entry(PlatformAccounts.CREDITS_ISSUED, -grant.credits(), null),
                            new Entry(credited.accountId(), grant.credits(), credited.balance()));
                    return movements.record(tx, List.of(movement))
                            .chain(() -> settlePending(tx, credited, grant.actor()))
                            .chain(settled -> accounts.save(tx, settled.account())
                                    .replaceWith(new GrantResult(movement.id(), true, settled.account().balance(),
                                            settled.count())));
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
                // Read again under the account lock: a concurrent reversal of the same debit is then seen.
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
                            Movement reversal = Movement.of(current.tenantId(), MovementKind.REVERSAL,
                                    current.movementId().toString(), reason, actor, current.movementId(),
                                    new Entry(PlatformAccounts.CREDITS_CONSUMED, -CREDITS_PER_LEAD, null),
                                    new Entry(credited.accountId(), CREDITS_PER_LEAD, credited.balance()));
                            return movements.record(tx, List.of(reversal))
                                    .chain(() -> debits.markReversed(tx, debitId, reversal.id()))
                                    .chain(() -> settlePending(tx, credited, actor))
                                    .chain(settled -> accounts.save(tx, settled.account()))
                                    .replaceWith(reversal.id());
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
        if (!account.canPay(CREDITS_PER_LEAD)) {
            return Uni.createFrom().item(new Settlement(account, 0));
        }
        return debits.oldestPending(tx, account.tenantId(), account.balance() / CREDITS_PER_LEAD)
                .chain(pending -> charge(tx, account, pending, actor).map(after -> new Settlement(after, pending.size())));
    }

    /**
     * Pays {@code payable} in order: a movement each, the debits marked charged, {@code credit.debited} each, and the
     * low-balance warning if a payment crossed the threshold. Returns the account after them (not yet saved).
     */
    private Uni<TenantAccount> charge(SqlClient tx, TenantAccount account, List<Debit> payable, String actor) {
        if (payable.isEmpty()) {
            return Uni.createFrom().item(account);
        }
        List<Movement> charges = new ArrayList<>(payable.size());
        Map<UUID, UUID> movementByDebit = new LinkedHashMap<>();
        List<SpecificRecord> events = new ArrayList<>(payable.size() + 1);
        TenantAccount current = account;
        for (Debit debit : payable) {
            TenantAccount after = current.debited(CREDITS_PER_LEAD);
            Movement movement = Movement.of(account.tenantId(), MovementKind.DEBIT, debit.leadId(), null, actor, null,
                    new Entry(account.accountId(), -CREDITS_PER_LEAD, after.balance()),
                    new Entry(PlatformAccounts.CREDITS_CONSUMED, CREDITS_PER_LEAD, null));
            charges.add(movement);
            movementByDebit.put(debit.id(), movement.id());
            events.add(CreditDebited.newBuilder().setTenantId(account.tenantId()).setDebitId(debit.id().toString())
                    .setLeadId(debit.leadId()).setCredits(CREDITS_PER_LEAD).setBalanceAfter(after.balance())
                    .setOccurredAt(now()).build());
            if (after.crossedLowBalanceFrom(current)) {
                events.add(CreditBalanceLow.newBuilder().setTenantId(account.tenantId()).setBalance(after.balance())
                        .setThreshold(after.lowBalanceThreshold()).setOccurredAt(now()).build());
            }
            current = after;
        }
        TenantAccount charged = current;
        return movements.record(tx, charges)
                .chain(() -> debits.markCharged(tx, movementByDebit))
                .chain(() -> outbox.appendAll(tx, events))
                .replaceWith(charged);
    }

    private static CreditDebitRejected rejected(Debit debit, long balance) {
        return CreditDebitRejected.newBuilder().setTenantId(debit.tenantId()).setPendingDebitId(debit.id().toString())
                .setLeadId(debit.leadId()).setReason(INSUFFICIENT_BALANCE).setBalance(balance).setOccurredAt(now())
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
