package com.dominusleads.messaging.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a tenant's outreach may reach people: windows such as {@code MON-FRI 08:00-20:00; SAT 09:00-13:00} in a time
 * zone (America/Sao_Paulo by default). Outside them are the quiet hours: a message due then waits for the next opening.
 * Replies to a contact's own message (the opt-out confirmation) are not outreach and ignore them.
 */
public final class SendingHours {

    private record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        boolean contains(ZonedDateTime time) {
            LocalTime clock = time.toLocalTime();
            return days.contains(time.getDayOfWeek()) && !clock.isBefore(from)
                    && (to.equals(LocalTime.MAX) || clock.isBefore(to));
        }
    }

    private final List<Window> windows;
    private final ZoneId zone;
    private final String text;

    private SendingHours(List<Window> windows, ZoneId zone, String text) {
        this.windows = windows;
        this.zone = zone;
        this.text = text;
    }

    /**
     * Parses {@code DAYS HH:MM-HH:MM[; …]}, days a range ({@code MON-FRI}), a list ({@code MON,WED}) or one day;
     * {@code 24:00} ends a window at midnight.
     *
     * @throws IllegalArgumentException with what is wrong, for a tenant setting that does not parse
     */
    public static SendingHours parse(String text, ZoneId zone) {
        List<Window> windows = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] fields = part.trim().toUpperCase(Locale.ROOT).split("\\s+");
            if (fields.length != 2 || !fields[1].matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
                throw new IllegalArgumentException("sending hours '" + part.trim()
                        + "' must look like MON-FRI 08:00-20:00");
            }
            LocalTime from = time(fields[1].substring(0, 5), part);
            String end = fields[1].substring(6);
            LocalTime to = end.equals("24:00") ? LocalTime.MAX : time(end, part);
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("sending hours '" + part.trim() + "' end before they start");
            }
            windows.add(new Window(days(fields[0]), from, to));
        }
        return new SendingHours(List.copyOf(windows), zone, text.trim());
    }

    /** {@code HH:MM}; an hour past 23 or minutes past 59 is the tenant's mistake, told as such. */
    private static LocalTime time(String text, String part) {
        try {
            return LocalTime.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("sending hours '" + part.trim() + "': " + text + " is not a time of day"
                    + " (00:00 to 23:59, or 24:00 to end at midnight)");
        }
    }

    /** {@code now} when it is inside a window, else the start of the next window. */
    public Instant nextAllowed(Instant now) {
        ZonedDateTime time = now.atZone(zone);
        if (windows.stream().anyMatch(window -> window.contains(time))) {
            return now;
        }
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = time.toLocalDate().plusDays(day).atStartOfDay(zone);
            Instant best = null;
            for (Window window : windows) {
                ZonedDateTime opening = date.with(window.from());
                if (window.days().contains(date.getDayOfWeek()) && opening.isAfter(time)
                        && (best == null || opening.toInstant().isBefore(best))) {
                    best = opening.toInstant();
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("sending hours " + text + " have no window");
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }

    private static Set<DayOfWeek> days(String spec) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : spec.split(",")) {
            String[] range = item.split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length > 1 ? day(range[1]) : first;
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation) && abbreviation.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("sending hours: '" + abbreviation
                + "' is not a day (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }
}
