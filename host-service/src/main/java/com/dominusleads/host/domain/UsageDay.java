package com.dominusleads.host.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar day usage is counted in: America/Sao_Paulo, where the platform and its tenants work. A credit
 * debited at 23:30 in São Paulo (02:30 UTC the next day) counts for the São Paulo day, as the tenant's own
 * reports and invoices would show it.
 */
public final class UsageDay {

    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private UsageDay() {
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
