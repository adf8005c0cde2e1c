package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.config.MessagingDefaults;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The service's outreach defaults as the mapping declares them, for unit tests of what is built on them. */
final class ConfiguredDefaults implements MessagingDefaults {

    private static String declared(String method) {
        try {
            return MessagingDefaults.class.getMethod(method).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String sendingHours() {
        return declared("sendingHours");
    }

    @Override
    public ZoneId timeZone() {
        return ZoneId.of(declared("timeZone"));
    }

    @Override
    public int tenantPerSecond() {
        return Integer.parseInt(declared("tenantPerSecond"));
    }

    @Override
    public List<String> optOutWords() {
        return List.of(declared("optOutWords").split(","));
    }

    @Override
    public Duration deliveryTimeout() {
        return Duration.parse(declared("deliveryTimeout"));
    }

    @Override
    public boolean limitsEnabled() {
        return Boolean.parseBoolean(declared("limitsEnabled"));
    }
}
