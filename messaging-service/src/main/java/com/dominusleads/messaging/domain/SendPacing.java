package com.dominusleads.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-number and per-tenant send rates as reserved time slots (a GCRA): a channel allowing N sends per second
 * starts its sends at least 1/N s apart, a tenant's sends across its channels at least 1/T s apart. The slots live on
 * the channel and tenant rows, under the dispatcher's row locks, so every instance of the service shares them, and a
 * send never starts before its slot. A small margin keeps N sends within any second as the provider counts them,
 * whatever the network jitter.
 */
public final class SendPacing {

    /**
     * Slots are spread this much wider than 1/N: N + 1 sends then span 1.15 s, so a provider counting any sliding
     * second never sees N + 1 unless one request reaches it more than 150 ms out of step with the others. 5 % (50 ms)
     * was not enough: on the 2-core CI host a loaded JVM delayed a request by more, and the simulator saw 5 sends of a
     * tenant allowed 4 per second within one second.
     */
    static final double MARGIN = 1.15;

    /** A channel's pacing state: the next free slot and today's count against its daily cap. */
    public static final class ChannelSlots {
        final UUID id;
        final ChannelKind kind;
        final int perSecond;
        final int dailyCap;
        final boolean paused;
        Instant nextSlot;
        LocalDate day;
        int sentToday;
        boolean changed;

        public ChannelSlots(UUID id, ChannelKind kind, int perSecond, int dailyCap, boolean paused, Instant nextSlot,
                            LocalDate day, int sentToday) {
            this.id = id;
            this.kind = kind;
            this.perSecond = perSecond;
            this.dailyCap = dailyCap;
            this.paused = paused;
            this.nextSlot = nextSlot;
            this.day = day;
            this.sentToday = sentToday;
        }

        public UUID id() {
            return id;
        }

        public Instant nextSlot() {
            return nextSlot;
        }

        public LocalDate day() {
            return day;
        }

        public int sentToday() {
            return sentToday;
        }

        public boolean changed() {
            return changed;
        }

        int sentOn(LocalDate today) {
            return today.equals(day) ? sentToday : 0;
        }
    }

    /** A tenant's pacing state across its channels. */
    public static final class TenantSlots {
        final int perSecond;
        Instant nextSlot;

        public TenantSlots(int perSecond, Instant nextSlot) {
            this.perSecond = perSecond;
            this.nextSlot = nextSlot;
        }

        public Instant nextSlot() {
            return nextSlot;
        }
    }

    /** What to do with one due message. */
    public sealed interface Decision {
        /** Send through {@code channel} at {@code at} (now or within the look-ahead). */
        record Send(UUID channel, Instant at) implements Decision {
        }

        /** Wait until {@code until} (the next free slot, the day the caps reset, or a look at paused channels). */
        record Wait(Instant until, String reason) implements Decision {
        }

        /** The tenant has no live channel of the message's kind: the conversation falls back to its next step. */
        record NoChannel() implements Decision {
        }
    }

    /** How long messages wait for a paused channel before the dispatcher looks again. */
    static final Duration PAUSED_RECHECK = Duration.ofMinutes(5);

    private final boolean enabled;
    private final Duration lookahead;
    private final ZoneId capZone;

    /** {@code enabled} false lifts the rates (benchmarks of the sending path); daily caps still apply. */
    public SendPacing(boolean enabled, Duration lookahead, ZoneId capZone) {
        this.enabled = enabled;
        this.lookahead = lookahead;
        this.capZone = capZone;
    }

    /**
     * Picks a channel for a message of {@code kind} ({@code preferred} when it is live: replies go back through the
     * number that was written to) and reserves its slot. Rotation: among the tenant's channels of that kind with
     * room under their daily cap, the one free soonest. Channels a tenant admin paused are waited for (a pause is
     * temporary: the contact is not moved to the next channel of the plan for it).
     */
    public Decision reserve(ChannelKind kind, UUID preferred, List<ChannelSlots> channels, TenantSlots tenant,
                            Instant now) {
        LocalDate today = now.atZone(capZone).toLocalDate();
        List<ChannelSlots> ofKind = channels.stream().filter(channel -> channel.kind == kind && !channel.paused)
                .toList();
        if (ofKind.isEmpty()) {
            return channels.stream().anyMatch(channel -> channel.kind == kind)
                    ? new Decision.Wait(now.plus(PAUSED_RECHECK), "channels paused")
                    : new Decision.NoChannel();
        }
        Optional<ChannelSlots> choice = ofKind.stream().filter(channel -> channel.id.equals(preferred)).findFirst()
                .or(() -> ofKind.stream().filter(channel -> channel.sentOn(today) < channel.dailyCap)
                        .min(Comparator.comparing((ChannelSlots channel) -> channel.nextSlot)
                                .thenComparing(channel -> channel.sentOn(today))));
        if (choice.isEmpty() || choice.get().sentOn(today) >= choice.get().dailyCap) {
            return new Decision.Wait(today.plusDays(1).atStartOfDay(capZone).toInstant(), "daily caps reached");
        }
        ChannelSlots channel = choice.get();
        Instant slot = enabled ? latest(now, channel.nextSlot, tenant.nextSlot) : now;
        if (slot.isAfter(now.plus(lookahead))) {
            return new Decision.Wait(slot, "paced");
        }
        if (enabled) {
            channel.nextSlot = slot.plus(spacing(channel.perSecond));
            tenant.nextSlot = slot.plus(spacing(tenant.perSecond));
        }
        channel.day = today;
        channel.sentToday = channel.sentOn(today) + 1;
        channel.changed = true;
        return new Decision.Send(channel.id, slot);
    }

    /** The time between two sends at {@code perSecond}, margin included. */
    public static Duration spacing(int perSecond) {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000L * MARGIN / perSecond));
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }
}
