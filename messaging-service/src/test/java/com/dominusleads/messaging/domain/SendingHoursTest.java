package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendingHoursTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SAO_PAULO).toInstant();
    }

    @Test
    void insideAWindowIsNowAndOutsideIsTheNextOpening() {
        SendingHours hours = SendingHours.parse("MON-FRI 08:00-12:00; MON-FRI 14:00-18:00; SAT 09:00-13:00", SAO_PAULO);

        assertThat(hours.nextAllowed(at("2026-11-23T09:30"))).isEqualTo(at("2026-11-23T09:30"));   // Monday
        assertThat(hours.nextAllowed(at("2026-11-23T12:30"))).isEqualTo(at("2026-11-23T14:00"));
        assertThat(hours.nextAllowed(at("2026-11-27T18:00"))).isEqualTo(at("2026-11-28T09:00"));   // Friday → Saturday
        assertThat(hours.nextAllowed(at("2026-11-28T13:00"))).isEqualTo(at("2026-11-30T08:00"));   // → Monday
    }

    @Test
    void twentyFourHundredEndsAWindowAtMidnight() {
        SendingHours hours = SendingHours.parse("SUN 20:00-24:00", SAO_PAULO);

        assertThat(hours.nextAllowed(at("2026-11-29T23:59:30"))).isEqualTo(at("2026-11-29T23:59:30"));
        assertThat(hours.nextAllowed(at("2026-11-29T19:00"))).isEqualTo(at("2026-11-29T20:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MON-FRI 24:30-25:00", "MON-FRI 08:60-20:00", "MON-FRI 08:00-20:61", "MON-FRI 20:00-08:00",
            "MON-FRI 8:00-20:00", "FUNDAY 08:00-20:00", "MON-FRI", ""})
    void aSettingThatIsNotSendingHoursIsRefusedWithWhatIsWrong(String text) {
        assertThatThrownBy(() -> SendingHours.parse(text, SAO_PAULO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sending hours");
    }

    @Test
    void aTenantsUnparsableHoursFallBackToTheDefaultsInsteadOfStoppingItsOutreach() {

        TenantSettings settings = TenantSettings.of("t", Map.of(TenantSettings.SENDING_HOURS, "MON-FRI 24:30-25:00"),
                new ConfiguredDefaults());   // MON-FRI 08:00-20:00

        assertThat(settings.sendingHours().nextAllowed(at("2026-11-23T21:00"))).isEqualTo(at("2026-11-24T08:00"));
    }
}
