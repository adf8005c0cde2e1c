package com.dominusleads.messaging.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The channels outreach tries for one company, in order: WhatsApp to its first mobile, SMS to the same mobile, e-mail
 * to its first address; only kinds the tenant has a channel for. The next step is tried when the previous one fails
 * (an invalid or unreachable number) or is not delivered in time.
 */
public record ContactPlan(List<Step> steps) {

    /** One channel to try: its kind and the contact's address on it (canonical, see {@link ContactAddress}). */
    public record Step(ChannelKind kind, String address) {
    }

    public ContactPlan {
        steps = List.copyOf(steps);
    }

    /**
     * {@code mobiles} and {@code emails} as the directory has them (best first; invalid ones are skipped),
     * {@code kinds} the kinds of channel the tenant can send through.
     */
    public static ContactPlan of(Collection<String> mobiles, Collection<String> emails, Collection<ChannelKind> kinds) {
        String mobile = mobiles.stream().map(ContactAddress::phone).flatMap(java.util.Optional::stream).findFirst()
                .orElse(null);
        String email = emails.stream().map(ContactAddress::email).flatMap(java.util.Optional::stream).findFirst()
                .orElse(null);
        List<Step> steps = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            String address = kind == ChannelKind.EMAIL ? email : mobile;
            if (address != null && kinds.contains(kind)) {
                steps.add(new Step(kind, address));
            }
        }
        return new ContactPlan(steps);
    }

    /** Every address the plan may write to: an opt-out of any of them stops the whole plan. */
    public Set<String> addresses() {
        Set<String> addresses = new LinkedHashSet<>();
        steps.forEach(step -> addresses.add(step.address()));
        return addresses;
    }
}
