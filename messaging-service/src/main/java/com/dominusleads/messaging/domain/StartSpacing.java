package com.dominusleads.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The last line of pacing, in this process, at the moment a send really starts: not closer than one spacing to the
 * previous start of the same channel or tenant. Slots are reserved a round ahead ({@link SendPacing}), but a timer
 * fires late on a busy machine, and a late send followed by a punctual one would reach the provider closer together
 * than the rate allows: one too many in that second.
 */
final class StartSpacing {

    private final Map<Object, Instant> lastStart = new HashMap<>();

    /**
     * Starts a send for {@code channel} and {@code tenant} now if both were last used at least a spacing ago (and
     * records it): {@link Duration#ZERO}. Otherwise how long to wait before asking again.
     */
    synchronized Duration tryStart(Object channel, Duration channelSpacing, Object tenant, Duration tenantSpacing,
                                   Instant now) {
        Instant earliest = latest(after(channel, channelSpacing), after(tenant, tenantSpacing));
        if (earliest.isAfter(now)) {
            return Duration.between(now, earliest);
        }
        lastStart.put(channel, now);
        lastStart.put(tenant, now);
        return Duration.ZERO;
    }

    private Instant after(Object key, Duration spacing) {
        Instant last = lastStart.get(key);
        return last == null ? Instant.EPOCH : last.plus(spacing);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
