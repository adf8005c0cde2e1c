package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendPacingTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final SendPacing pacing = new SendPacing(true, Duration.ofSeconds(1), ZONE);

    private static SendPacing.ChannelSlots channel(ChannelKind kind, int perSecond, int dailyCap, boolean paused,
                                                   int sentToday) {
        return new SendPacing.ChannelSlots(UUID.randomUUID(), kind, perSecond, dailyCap, paused, Instant.EPOCH, TODAY,
                sentToday);
    }

    private static SendPacing.TenantSlots tenant(int perSecond) {
        return new SendPacing.TenantSlots(perSecond, Instant.EPOCH);
    }

    @Test
    void sendsThroughOneNumberAreSpacedByItsRateAndWaitBeyondTheLookAhead() {
        SendPacing.ChannelSlots number = channel(ChannelKind.WHATSAPP, 2, 100, false, 0);
        SendPacing.TenantSlots tenant = tenant(100);

        List<SendPacing.Decision> decisions = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> pacing.reserve(ChannelKind.WHATSAPP, null, List.of(number), tenant, NOW)).toList();

        Duration spacing = SendPacing.spacing(2);
        assertThat(decisions).containsExactly(
                new SendPacing.Decision.Send(number.id(), NOW),
                new SendPacing.Decision.Send(number.id(), NOW.plus(spacing)),
                new SendPacing.Decision.Wait(NOW.plus(spacing.multipliedBy(2)), "paced"),
                new SendPacing.Decision.Wait(NOW.plus(spacing.multipliedBy(2)), "paced"));
        assertThat(spacing).isGreaterThan(Duration.ofMillis(500));   // the margin: never 3 in a provider's second
    }

    @Test
    void rotationPicksTheNumberFreeSoonestAndSkipsThoseAtTheirDailyCap() {
        SendPacing.ChannelSlots full = channel(ChannelKind.SMS, 1, 10, false, 10);
        SendPacing.ChannelSlots a = channel(ChannelKind.SMS, 1, 10, false, 3);
        SendPacing.ChannelSlots b = channel(ChannelKind.SMS, 1, 10, false, 5);
        SendPacing.TenantSlots tenant = tenant(100);

        SendPacing.Decision first = pacing.reserve(ChannelKind.SMS, null, List.of(full, a, b), tenant, NOW);
        SendPacing.Decision second = pacing.reserve(ChannelKind.SMS, null, List.of(full, a, b), tenant, NOW);

        assertThat(first).isEqualTo(new SendPacing.Decision.Send(a.id(), NOW));   // fewer sent today breaks the tie
        // a is paced now; b goes as soon as the tenant's rate allows
        assertThat(second).isEqualTo(new SendPacing.Decision.Send(b.id(), NOW.plus(SendPacing.spacing(100))));
        assertThat(a.sentToday()).isEqualTo(4);
    }

    @Test
    void allNumbersAtTheirCapWaitForTomorrowInSaoPaulo() {
        SendPacing.ChannelSlots full = channel(ChannelKind.SMS, 1, 10, false, 10);

        assertThat(pacing.reserve(ChannelKind.SMS, null, List.of(full), tenant(10), NOW))
                .isEqualTo(new SendPacing.Decision.Wait(TODAY.plusDays(1).atStartOfDay(ZONE).toInstant(),
                        "daily caps reached"));
    }

    @Test
    void aPausedChannelIsWaitedForWhileNoChannelOfTheKindFallsBack() {
        SendPacing.ChannelSlots paused = channel(ChannelKind.WHATSAPP, 1, 10, true, 0);

        assertThat(pacing.reserve(ChannelKind.WHATSAPP, paused.id(), List.of(paused), tenant(10), NOW))
                .isEqualTo(new SendPacing.Decision.Wait(NOW.plus(SendPacing.PAUSED_RECHECK), "channels paused"));
        assertThat(pacing.reserve(ChannelKind.EMAIL, null, List.of(paused), tenant(10), NOW))
                .isInstanceOf(SendPacing.Decision.NoChannel.class);
    }

    @Test
    void thePreferredNumberIsKeptWhenLive() {
        SendPacing.ChannelSlots a = channel(ChannelKind.WHATSAPP, 1, 10, false, 0);
        SendPacing.ChannelSlots b = channel(ChannelKind.WHATSAPP, 1, 10, false, 9);

        assertThat(pacing.reserve(ChannelKind.WHATSAPP, b.id(), List.of(a, b), tenant(10), NOW))
                .isEqualTo(new SendPacing.Decision.Send(b.id(), NOW));
    }

    @Test
    void theTenantsRateSpacesSendsAcrossItsNumbers() {
        SendPacing.ChannelSlots a = channel(ChannelKind.SMS, 100, 1000, false, 0);
        SendPacing.ChannelSlots b = channel(ChannelKind.SMS, 100, 1000, false, 0);
        SendPacing.TenantSlots tenant = tenant(2);

        pacing.reserve(ChannelKind.SMS, null, List.of(a, b), tenant, NOW);
        SendPacing.Decision second = pacing.reserve(ChannelKind.SMS, null, List.of(a, b), tenant, NOW);

        assertThat(second).isEqualTo(new SendPacing.Decision.Send(b.id(), NOW.plus(SendPacing.spacing(2))));
    }
}
