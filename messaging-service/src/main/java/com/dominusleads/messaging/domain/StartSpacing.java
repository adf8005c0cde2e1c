package com.dominusleads.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The last line of pacing, in this process: a send starts at its reserved slot, or later if a send of the same channel
 * or tenant started less than one spacing before it. Slots are reserved a round ahead ({@link SendPacing}); a send
 * that starts late (its round committed slowly, a busy event loop) would otherwise start close to the next one, which
 * starts on time, and the provider would count one too many in that second.
 */
final class StartSpacing {

    private final Map<Object, Instant> lastStart = new HashMap<>();

    /** When a send for {@code channel} and {@code tenant} reserved at {@code slot} may start; recorded as started. */
    synchronized Instant claim(Object channel, Duration channelSpacing, Object tenant, Duration tenantSpacing,
                               Instant slot, Instant now) {
        Instant start = latest(slot, now);
        start = latest(start, after(channel, channelSpacing));
        start = latest(start, after(tenant, tenantSpacing));
        lastStart.put(channel, start);
        lastStart.put(tenant, start);
        return start;
    }

    private Instant after(Object key, Duration spacing) {
        Instant last = lastStart.get(key);
        return last == null ? Instant.EPOCH : last.plus(spacing);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
