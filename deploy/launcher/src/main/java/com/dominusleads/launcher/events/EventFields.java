package com.dominusleads.launcher.events;

import java.util.Locale;

/**
 * Checks of the values a user types for an event's fields, each refusing a bad one with an
 * {@link IllegalArgumentException} that shows the expected form. The services check again; these only spare the
 * user an event the service would drop.
 */
final class EventFields {

    private EventFields() {
    }

    /** A tenant id as host-service issues them. */
    static String tenant(String value) {
        if (!value.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("--tenant " + value + ": a tenant id is 2 to 63 lower-case letters,"
                    + " digits and '-', e.g. acme");
        }
        return value;
    }

    /** A phone in E.164; spaces, dashes, dots and parentheses are dropped ({@code +55 (11) 98765-0001}). */
    static String e164(String option, String value) {
        String bare = value.replaceAll("[\\s().-]", "");
        if (!bare.matches("\\+[1-9][0-9]{7,14}")) {
            throw new IllegalArgumentException(option + " " + value + ": a phone is + then country code and number,"
                    + " 8 to 15 digits (E.164), e.g. +5511987650001");
        }
        return bare;
    }

    /** An e-mail address, lower-cased as contacts are keyed. */
    static String email(String option, String value) {
        if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException(option + " " + value + ": an e-mail address looks like"
                    + " contato@empresa.example");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
