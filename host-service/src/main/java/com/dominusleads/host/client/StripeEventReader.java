package com.dominusleads.host.client;

import com.dominusleads.host.domain.BillingEvent;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reads a verified Stripe event into a {@link BillingEvent}, through stripe-java's typed models for the API version
 * it is pinned to (2026-07-29.dahlia): an invoice line's price at {@code pricing.price_details.price}, its proration
 * flag at {@code parent.subscription_item_details.proration} (or {@code parent.invoice_item_details.proration}), an
 * invoice's subscription at {@code parent.subscription_details.subscription}, a subscription's period on its items.
 */
public final class StripeEventReader {

    private static final Logger LOG = Logger.getLogger(StripeEventReader.class);

    private StripeEventReader() {
    }

    /** The event in billing's terms; event types billing does not act on are not even deserialized. */
    public static BillingEvent read(Event event) {
        return switch (event.getType()) {
            case "checkout.session.completed" -> checkout((Session) object(event));
            case "invoice.paid" -> paid((Invoice) object(event));
            case "invoice.payment_failed" -> failed((Invoice) object(event));
            case "customer.subscription.created", "customer.subscription.updated" ->
                    subscription((Subscription) object(event), false);
            case "customer.subscription.deleted" -> subscription((Subscription) object(event), true);
            default -> new BillingEvent.Other(null, null);
        };
    }

    /** A subscription's state as Stripe answers it (also read back after a subscription Checkout). */
    public static BillingEvent.SubscriptionChanged subscription(Subscription subscription, boolean deleted) {
        SubscriptionItem item = subscription.getItems() == null || subscription.getItems().getData() == null
                || subscription.getItems().getData().isEmpty() ? null : subscription.getItems().getData().get(0);
        return new BillingEvent.SubscriptionChanged(subscription.getId(), subscription.getCustomer(),
                tenant(subscription.getMetadata()), subscription.getStatus(),
                item == null || item.getPrice() == null ? null : item.getPrice().getId(),
                item == null ? null : instant(item.getCurrentPeriodEnd()), deleted);
    }

    private static BillingEvent.CheckoutCompleted checkout(Session session) {
        String tenant = tenant(session.getMetadata());
        return new BillingEvent.CheckoutCompleted(session.getId(), session.getCustomer(),
                tenant != null ? tenant : session.getClientReferenceId(), session.getMode(), session.getSubscription(),
                null);
    }

    private static BillingEvent.InvoicePaid paid(Invoice invoice) {
        List<BillingEvent.InvoiceLine> lines = new ArrayList<>();
        if (invoice.getLines() != null && invoice.getLines().getData() != null) {
            for (InvoiceLineItem line : invoice.getLines().getData()) {
                String price = line.getPricing() == null || line.getPricing().getPriceDetails() == null ? null
                        : line.getPricing().getPriceDetails().getPrice();
                lines.add(new BillingEvent.InvoiceLine(price, line.getQuantity() == null ? 1 : line.getQuantity(),
                        line.getAmount() == null ? 0 : line.getAmount(), proration(line),
                        line.getPeriod() == null ? null : instant(line.getPeriod().getEnd())));
            }
        }
        return new BillingEvent.InvoicePaid(invoice.getId(), invoice.getCustomer(), invoiceTenant(invoice),
                subscriptionOf(invoice), lines);
    }

    /**
     * Whether Stripe computed the line for part of a period (a subscription changed mid-period): flagged on the line's
     * parent, {@code subscription_item_details.proration} or {@code invoice_item_details.proration} (the pending
     * invoice items a change leaves for the next invoice).
     */
    private static boolean proration(InvoiceLineItem line) {
        InvoiceLineItem.Parent parent = line.getParent();
        if (parent == null) {
            return false;
        }
        return parent.getSubscriptionItemDetails() != null
                && Boolean.TRUE.equals(parent.getSubscriptionItemDetails().getProration())
                || parent.getInvoiceItemDetails() != null
                && Boolean.TRUE.equals(parent.getInvoiceItemDetails().getProration());
    }

    private static BillingEvent.InvoicePaymentFailed failed(Invoice invoice) {
        return new BillingEvent.InvoicePaymentFailed(invoice.getId(), invoice.getCustomer(), invoiceTenant(invoice),
                subscriptionOf(invoice));
    }

    private static String subscriptionOf(Invoice invoice) {
        return invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null ? null
                : invoice.getParent().getSubscriptionDetails().getSubscription();
    }

    /** A subscription invoice names the tenant in the subscription's metadata; a one-off invoice in its own. */
    private static String invoiceTenant(Invoice invoice) {
        String own = tenant(invoice.getMetadata());
        if (own != null || invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
            return own;
        }
        return tenant(invoice.getParent().getSubscriptionDetails().getMetadata());
    }

    /**
     * The event's object. An event of another API version than stripe-java's gives no typed object through the safe
     * path; it is read anyway (the fields used here are stable across versions) and the mismatch logged.
     */
    private static StripeObject object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            LOG.warnf("Stripe event %s has API version %s, not stripe-java's; reading it anyway (set the webhook"
                    + " endpoint's version to match)", event.getId(), event.getApiVersion());
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("Stripe event " + event.getId() + " cannot be read: "
                        + e.getMessage(), e);
            }
        });
    }

    private static String tenant(Map<String, String> metadata) {
        String tenant = metadata == null ? null : metadata.get(StripeApi.TENANT_METADATA);
        return tenant == null || tenant.isBlank() ? null : tenant.strip();
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
