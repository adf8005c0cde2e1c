package com.dominusleads.launcher.events;

import com.dominusleads.events.tenant.TenantSettingsChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./dominus publish tenant.settings-changed}'s options: a tenant's whole settings, as tenant-service will
 * publish them (the event replaces the previous settings), e.g. messaging's sending hours.
 */
final class TenantSettingsOptions {

    static final String USAGE = "./dominus publish tenant.settings-changed --tenant T --setting key=value…"
            + "  (e.g. --setting 'messaging.sending-hours=MON-SUN 00:00-24:00')";

    private TenantSettingsOptions() {
    }

    static TenantSettingsChanged parse(List<String> words) {
        Arguments arguments = Arguments.parse(words, Set.of("--tenant", "--setting"), Set.of());
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected " + arguments.positional().getFirst()
                    + " (a value with spaces needs quotes)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : arguments.all("--setting")) {
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--setting " + setting + ": a setting is key=value");
            }
            settings.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
        }
        return TenantSettingsChanged.newBuilder()
                .setTenantId(EventFields.tenant(arguments.required("--tenant")))
                .setSettings(settings)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
