package com.dominusleads.host.api;

import com.dominusleads.host.domain.TenantUsage;
import com.dominusleads.host.domain.UsageDay;
import com.dominusleads.servicekit.api.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period of a usage report from its query parameters ({@code from}, {@code to}: ISO dates, inclusive, São Paulo
 * days); by default the current month up to today.
 */
record UsagePeriod(LocalDate from, LocalDate to) {

    static UsagePeriod of(String from, String to) {
        LocalDate today = UsageDay.today();
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfMonth(1) : date("from", from);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("invalid_period", "from (" + start + ") must not be after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= TenantUsage.MAX_DAYS) {
            throw ApiException.badRequest("invalid_period", "A report covers at most " + TenantUsage.MAX_DAYS
                    + " days; ask for a shorter period.");
        }
        return new UsagePeriod(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_" + name, name + " must be a date like 2026-11-01, not '" + value
                    + "'.");
        }
    }
}
