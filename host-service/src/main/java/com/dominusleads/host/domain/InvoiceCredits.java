package com.dominusleads.host.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credits a paid invoice grants: a plan's line grants the plan's monthly credits (reason PLAN), a credit pack's
 * line the pack's credits (reason PURCHASE), each times the line's quantity. Only lines billing a full period or a
 * purchase count ({@link BillingEvent.InvoiceLine#creditable}: amount above zero, no proration): when a subscription
 * changes mid-period Stripe adds proration lines — the unused time of the old price credited back (negative), the rest
 * of the period on the new price — which grant nothing; the next period's line grants the new plan's credits. The
 * grant id is the invoice id, so the ledger applies an invoice's credits once whatever is redelivered; an invoice
 * mixing both kinds (Checkout never makes one) grants twice, under {@code <invoice>:plan} and
 * {@code <invoice>:purchase}. Lines whose price is none of ours grant nothing and are reported.
 * <p>
 * The invoice's plan is the one the subscription is on now: the plan of its creditable plan line with the latest
 * period (never a proration line, which may be the old plan's unused time).
 */
public final class InvoiceCredits {

    static final int MAX_REFERENCE = 500;

    /** One credit.granted to publish. */
    public record Grant(String grantId, long credits, String reason, String reference) {
    }

    /**
     * The grants, the prices of creditable lines that are none of ours, the plan the invoice bills (null if none) and
     * how many lines granted nothing for being prorations or not above zero.
     */
    public record Result(List<Grant> grants, Set<String> unknownPrices, String planCode, int uncreditedLines) {
    }

    private InvoiceCredits() {
    }

    public static Result of(String invoiceId, List<BillingEvent.InvoiceLine> lines, Map<String, PricedItem> prices) {
        Map<String, Long> credits = new LinkedHashMap<>();
        Map<String, List<String>> items = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        String planCode = null;
        Instant planPeriodEnd = null;
        int uncredited = 0;
        for (BillingEvent.InvoiceLine line : lines) {
            if (!line.creditable()) {
                uncredited++;
                continue;
            }
            PricedItem item = line.priceId() == null ? null : prices.get(line.priceId());
            if (item == null) {
                unknown.add(String.valueOf(line.priceId()));
                continue;
            }
            if (item.kind() == PricedItem.Kind.PLAN && (planCode == null || line.periodEnd() == null
                    || planPeriodEnd == null || !line.periodEnd().isBefore(planPeriodEnd))) {
                planCode = item.code();
                planPeriodEnd = line.periodEnd();
            }
            String reason = item.kind() == PricedItem.Kind.PLAN ? "PLAN" : "PURCHASE";
            credits.merge(reason, Math.multiplyExact(item.credits(), line.quantity()), Math::addExact);
            items.computeIfAbsent(reason, r -> new ArrayList<>()).add((item.kind() == PricedItem.Kind.PLAN
                    ? "plan " : "pack ") + item.name() + (line.quantity() == 1 ? "" : " ×" + line.quantity()));
        }
        List<Grant> grants = new ArrayList<>();
        credits.forEach((reason, amount) -> {
            if (amount > 0) {
                String grantId = credits.size() == 1 ? invoiceId : invoiceId + ":" + reason.toLowerCase(Locale.ROOT);
                grants.add(new Grant(grantId, amount, reason, reference(invoiceId, items.get(reason))));
            }
        });
        return new Result(grants, unknown, planCode, uncredited);
    }

    private static String reference(String invoiceId, List<String> items) {
        String reference = "Stripe invoice " + invoiceId + " (" + String.join(", ", items) + ")";
        return reference.length() <= MAX_REFERENCE ? reference : reference.substring(0, MAX_REFERENCE - 1) + "…";
    }
}
