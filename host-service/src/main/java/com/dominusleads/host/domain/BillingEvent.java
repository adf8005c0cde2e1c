package com.dominusleads.host.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a Stripe event says, in the terms billing acts on. Every event names the Stripe customer (which gives the
 * tenant) and may carry a tenant id in its metadata, which is only a cross-check.
 */
public sealed interface BillingEvent {

    String customerId();

    /** The tenant id the event's metadata names, or null. */
    String tenantHint();

    /** A Checkout Session was paid. {@code subscription} is the new subscription's state (subscription mode only). */
    record CheckoutCompleted(String sessionId, String customerId, String tenantHint, String mode,
                             String subscriptionId, SubscriptionChanged subscription) implements BillingEvent {

        public CheckoutCompleted withSubscription(SubscriptionChanged state) {
            return new CheckoutCompleted(sessionId, customerId, tenantHint, mode, subscriptionId, state);
        }
    }

    /**
     * An invoice was paid: the price and quantity of each line billed for a period (amount above zero, no proration)
     * decide the credits granted.
     */
    record InvoicePaid(String invoiceId, String customerId, String tenantHint, String subscriptionId,
                       List<InvoiceLine> lines) implements BillingEvent {
    }

    /** A subscription's invoice could not be charged. */
    record InvoicePaymentFailed(String invoiceId, String customerId, String tenantHint, String subscriptionId)
            implements BillingEvent {
    }

    /** A subscription was created, changed or (when {@code deleted}) ended. */
    record SubscriptionChanged(String subscriptionId, String customerId, String tenantHint, String stripeStatus,
                               String priceId, Instant currentPeriodEnd, boolean deleted) implements BillingEvent {
    }

    /** Any other event type: recorded, not acted upon. */
    record Other(String customerId, String tenantHint) implements BillingEvent {
    }

    /**
     * One line of an invoice. {@code amount} is what the line bills, in the currency's minor unit (negative for the
     * unused time credited back when a subscription changes); {@code proration} marks the lines Stripe computes for a
     * part of a period (a mid-period change), as opposed to the period billed in full.
     */
    record InvoiceLine(String priceId, long quantity, long amount, boolean proration, Instant periodEnd) {

        /** A period (or a purchase) billed in full: the only kind of line that grants credits. */
        public boolean creditable() {
            return amount > 0 && !proration;
        }
    }
}
