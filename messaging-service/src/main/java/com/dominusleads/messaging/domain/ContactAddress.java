package com.dominusleads.messaging.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A contact's address in one canonical form, so that a reply matches the message it answers and an opt-out covers
 * every way the same person is written: phones as E.164 ({@code +5511912345678}), e-mail lower-case.
 * <p>
 * Providers write phones in their own way ({@code 5511912345678}, {@code whatsapp:+5511…}, {@code 5511…@s.whatsapp.net})
 * and WhatsApp still names many Brazilian mobiles without the ninth digit added in 2012–2016 ({@code +55 11 1234-5678}
 * for {@code +55 11 91234-5678}): a Brazilian number with eight subscriber digits starting 6–9 is a mobile, and gets
 * its 9 back.
 */
public final class ContactAddress {

    private ContactAddress() {
    }

    /** The canonical form of a phone or e-mail address, or empty when it is neither. */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (value.contains("@") && !value.endsWith("@s.whatsapp.net") && !value.endsWith("@c.us")) {
            return email(value);
        }
        return phone(value);
    }

    /** A phone number in E.164, from any provider's spelling of it; empty when it is not one. */
    public static Optional<String> phone(String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"whatsapp:", "sms:", "tel:"}) {
            if (value.startsWith(prefix)) {
                value = value.substring(prefix.length());
            }
        }
        int at = value.indexOf('@');
        if (at >= 0) {
            value = value.substring(0, at);
        }
        int device = value.indexOf(':');   // Baileys: 5511…:12@s.whatsapp.net
        if (device >= 0) {
            value = value.substring(0, device);
        }
        String digits = value.replaceAll("[\\s().\\-+]", "");
        if (!digits.matches("[1-9][0-9]{7,14}")) {
            return Optional.empty();
        }
        if (digits.startsWith("55") && digits.length() == 12 && "6789".indexOf(digits.charAt(4)) >= 0) {
            digits = digits.substring(0, 4) + "9" + digits.substring(4);
        }
        return Optional.of("+" + digits);
    }

    /** An e-mail address, lower-case, without a display name; empty when it is not one. */
    public static Optional<String> email(String raw) {
        String value = raw.trim();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        return value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? Optional.of(value) : Optional.empty();
    }
}
