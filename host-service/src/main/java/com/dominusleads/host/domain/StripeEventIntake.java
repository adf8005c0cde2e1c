package com.dominusleads.host.domain;

import com.dominusleads.host.client.StripeApi;
import com.dominusleads.host.config.HostConfig;
import com.dominusleads.host.messaging.CreditGrants;
import com.dominusleads.host.persistence.PriceCatalog;
import com.dominusleads.host.persistence.StripeCustomerStore;
import com.dominusleads.host.persistence.StripeEventStore;
import com.dominusleads.host.persistence.SubscriptionStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies each verified Stripe event once. The event id is recorded in {@code stripe_event} in the transaction of the
 * event's effects (subscription state, tenant standing, credit.granted in the outbox), so a redelivery or a replay
 * changes nothing, and a failure leaves no trace for Stripe's retry to trip over.
 * <p>
 * The tenant is the one the event's Stripe customer was created for; a tenant id in the metadata must agree with it,
 * or the event is recorded and ignored. What each event does:
 * <ul>
 *   <li>{@code checkout.session.completed}: a subscription Checkout records the subscription (read back from Stripe
 *   for its price); a credit-pack Checkout does nothing yet, its credits come with the invoice.</li>
 *   <li>{@code invoice.paid}: credit.granted for the invoice's full-period lines (prorations grant nothing, see
 *   {@link InvoiceCredits}); a subscription invoice also brings an overdue subscription back to ACTIVE (ending its
 *   grace period), moves the tenant to the plan the subscription is on now and lifts a suspension for non-payment.
 *   It never changes an ended (CANCELED, INCOMPLETE_EXPIRED) subscription: a late invoice grants its credits, that
 *   is all.</li>
 *   <li>{@code invoice.payment_failed}: the subscription is PAST_DUE and its grace period starts (once).</li>
 *   <li>{@code customer.subscription.created|updated}: status and plan synchronised; back in good standing, as for a
 *   paid invoice. {@code …deleted}: CANCELED; the tenant keeps its plan and credits (prepaid, it can still work on its
 *   balance) and is not suspended.</li>
 * </ul>
 */
@ApplicationScoped
public class StripeEventIntake {

    private static final Logger LOG = Logger.getLogger(StripeEventIntake.class);

    /** What became of an event: processed now (with its outcome) or before ({@code duplicate}). */
    public record Receipt(String eventId, boolean duplicate, String tenantId, String outcome) {
    }

    private final TenantTransactions transactions;
    private final StripeEventStore events;
    private final StripeCustomerStore customers;
    private final SubscriptionStore subscriptions;
    private final PriceCatalog prices;
    private final CreditGrants grants;
    private final PaymentStanding standing;
    private final StripeApi stripe;
    private final HostConfig config;

    public StripeEventIntake(TenantTransactions transactions, StripeEventStore events, StripeCustomerStore customers,
                             SubscriptionStore subscriptions, PriceCatalog prices, CreditGrants grants,
                             PaymentStanding standing, StripeApi stripe, HostConfig config) {
        this.transactions = transactions;
        this.events = events;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.grants = grants;
        this.standing = standing;
        this.stripe = stripe;
        this.config = config;
    }

    public Uni<Receipt> accept(String eventId, String type, Instant createdAt, BillingEvent event) {
        return prepared(eventId, event).chain(ready -> ready == null
                ? Uni.createFrom().item(new Receipt(eventId, true, null, "already processed"))
                : transactions.acrossTenants(tx -> events.recordFirst(tx, eventId, type).chain(first -> first
                        ? apply(tx, eventId, createdAt, ready)
                        : Uni.createFrom().item(new Receipt(eventId, true, null, "already processed")))))
                .invoke(receipt -> {
                    if (receipt.duplicate()) {
                        LOG.debugf("Stripe event %s (%s) received again: already processed", eventId, type);
                    } else {
                        LOG.infof("Stripe event %s (%s), tenant %s: %s", eventId, type, receipt.tenantId(),
                                receipt.outcome());
                    }
                });
    }

    /**
     * The event with what must be read from Stripe before the transaction (a new subscription's price), or null when
     * it was processed before (Stripe is not asked again for a redelivery).
     */
    private Uni<BillingEvent> prepared(String eventId, BillingEvent event) {
        if (!(event instanceof BillingEvent.CheckoutCompleted checkout) || checkout.subscriptionId() == null) {
            return Uni.createFrom().item(event);
        }
        return transactions.acrossTenants(tx -> events.seen(tx, eventId)).chain(seen -> seen
                ? Uni.createFrom().nullItem()
                : stripe.subscription(checkout.subscriptionId()).map(checkout::withSubscription));
    }

    private Uni<Receipt> apply(SqlConnection tx, String eventId, Instant createdAt, BillingEvent event) {
        Uni<Optional<String>> owner = event.customerId() == null ? Uni.createFrom().item(Optional.empty())
                : customers.tenantOf(tx, event.customerId());
        return owner.chain(found -> {
            String tenantId = found.orElse(null);
            return outcome(tx, eventId, tenantId, createdAt, event).chain(outcome -> events
                    .outcome(tx, eventId, tenantId, outcome).replaceWith(new Receipt(eventId, false, tenantId, outcome)));
        });
    }

    private Uni<String> outcome(SqlConnection tx, String eventId, String tenantId, Instant createdAt,
                                BillingEvent event) {
        if (event instanceof BillingEvent.Other) {
            return Uni.createFrom().item("ignored: event type not handled");
        }
        if (tenantId == null) {
            LOG.warnf("Stripe event %s names customer %s, which is no tenant's: ignored", eventId, event.customerId());
            return Uni.createFrom().item("ignored: unknown customer " + event.customerId());
        }
        if (event.tenantHint() != null && !event.tenantHint().equals(tenantId)) {
            LOG.warnf("Stripe event %s: its metadata names tenant %s but customer %s is tenant %s's: ignored",
                    eventId, event.tenantHint(), event.customerId(), tenantId);
            return Uni.createFrom().item("ignored: metadata names tenant " + event.tenantHint()
                    + " but the customer is tenant " + tenantId + "'s");
        }
        return effects(tx, tenantId, createdAt, event);
    }

    private Uni<String> effects(SqlConnection tx, String tenantId, Instant at, BillingEvent event) {
        return switch (event) {
            case BillingEvent.CheckoutCompleted checkout -> checkout.subscription() == null
                    ? Uni.createFrom().item("checkout " + checkout.sessionId() + " (" + checkout.mode()
                            + ") completed; credits come with invoice.paid")
                    : subscriptionChanged(tx, tenantId, at, checkout.subscription())
                            .map(outcome -> "checkout " + checkout.sessionId() + " completed; " + outcome);
            case BillingEvent.InvoicePaid paid -> invoicePaid(tx, tenantId, at, paid);
            case BillingEvent.InvoicePaymentFailed failed -> paymentFailed(tx, tenantId, at, failed);
            case BillingEvent.SubscriptionChanged changed -> subscriptionChanged(tx, tenantId, at, changed);
            case BillingEvent.Other other -> Uni.createFrom().item("ignored: event type not handled");
        };
    }

    private Uni<String> invoicePaid(SqlConnection tx, String tenantId, Instant at, BillingEvent.InvoicePaid paid) {
        Set<String> priceIds = paid.lines().stream().map(BillingEvent.InvoiceLine::priceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return prices.lookup(tx, priceIds).chain(catalog -> {
            InvoiceCredits.Result credits = InvoiceCredits.of(paid.invoiceId(), paid.lines(), catalog);
            List<String> outcome = new ArrayList<>();
            credits.grants().forEach(grant -> outcome.add("granted " + grant.credits() + " credits (" + grant.reason()
                    + ") as " + grant.grantId()));
            if (credits.grants().isEmpty()) {
                outcome.add("no credits to grant");
            }
            if (credits.uncreditedLines() > 0) {
                outcome.add(credits.uncreditedLines() + " line(s) granting nothing (prorations, amounts not above"
                        + " zero)");
            }
            if (!credits.unknownPrices().isEmpty()) {
                outcome.add("lines with prices of no plan or pack: " + String.join(", ", credits.unknownPrices()));
            }
            Uni<Void> granted = credits.grants().isEmpty() ? Uni.createFrom().voidItem()
                    : grants.granted(tx, tenantId, credits.grants());
            if (paid.subscriptionId() == null) {
                return granted.replaceWith(String.join("; ", outcome));
            }
            // The plan the subscription is on now (its latest full-period line), never a proration line's; the
            // payment ends an overdue (or incomplete) state only: an ended subscription stays ended.
            Instant periodEnd = paid.lines().stream().map(BillingEvent.InvoiceLine::periodEnd)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            return granted.chain(() -> applied(tx, new SubscriptionStore.State(paid.subscriptionId(), tenantId,
                            credits.planCode(), SubscriptionStatus.ACTIVE, periodEnd, at, true)))
                    .map(changes -> {
                        outcome.addAll(changes);
                        return String.join("; ", outcome);
                    });
        });
    }

    private Uni<String> paymentFailed(SqlConnection tx, String tenantId, Instant at,
                                      BillingEvent.InvoicePaymentFailed failed) {
        if (failed.subscriptionId() == null) {
            return Uni.createFrom().item("ignored: invoice " + failed.invoiceId() + " belongs to no subscription");
        }
        return applied(tx, new SubscriptionStore.State(failed.subscriptionId(), tenantId, null,
                SubscriptionStatus.PAST_DUE, null, at)).map(changes -> String.join("; ", changes));
    }

    private Uni<String> subscriptionChanged(SqlConnection tx, String tenantId, Instant at,
                                            BillingEvent.SubscriptionChanged changed) {
        SubscriptionStatus status = changed.deleted() ? SubscriptionStatus.CANCELED
                : SubscriptionStatus.fromStripe(changed.stripeStatus());
        if (status == null) {
            return Uni.createFrom().item("ignored: unknown subscription status " + changed.stripeStatus());
        }
        Uni<Map<String, PricedItem>> catalog = changed.priceId() == null ? Uni.createFrom().item(Map.of())
                : prices.lookup(tx, Set.of(changed.priceId()));
        return catalog.chain(items -> {
            PricedItem item = changed.priceId() == null ? null : items.get(changed.priceId());
            String planCode = item != null && item.kind() == PricedItem.Kind.PLAN ? item.code() : null;
            return applied(tx, new SubscriptionStore.State(changed.subscriptionId(), tenantId, planCode, status,
                    changed.currentPeriodEnd(), at)).map(changes -> {
                        if (changed.priceId() != null && planCode == null) {
                            changes.add("price " + changed.priceId() + " is no plan's");
                        }
                        return String.join("; ", changes);
                    });
        });
    }

    /**
     * Records the subscription's new state; in good standing, the tenant follows it (plan, end of a suspension for
     * non-payment). An ended subscription is never changed (nor is its tenant). What changed, for the event's outcome.
     */
    private Uni<List<String>> applied(SqlConnection tx, SubscriptionStore.State state) {
        Instant now = Instant.now();
        return subscriptions.apply(tx, state, now, now.plus(config.billing().gracePeriod())).chain(applied -> {
            List<String> changes = new ArrayList<>();
            if (applied.isEmpty()) {
                return subscriptions.find(tx, state.subscriptionId()).map(found -> {
                    changes.add(found.filter(row -> state.tenantId().equals(row.tenantId())
                                    && !row.status().live())
                            .map(row -> "subscription " + row.subscriptionId() + " has ended (" + row.status()
                                    + "): unchanged")
                            .orElse("subscription " + state.subscriptionId() + " already has a newer state (or"
                                    + " another tenant): unchanged"));
                    return changes;
                });
            }
            Subscription subscription = applied.get();
            changes.add("subscription " + subscription.subscriptionId() + " " + subscription.status()
                    + (subscription.planCode() == null ? "" : " on plan " + subscription.planCode())
                    + (subscription.graceUntil() == null ? "" : ", grace until " + subscription.graceUntil()));
            if (!subscription.status().inGoodStanding()) {
                return Uni.createFrom().item(changes);
            }
            return standing.paid(tx, state.tenantId(), subscription.planCode()).map(done -> {
                changes.addAll(done);
                return changes;
            });
        });
    }
}
