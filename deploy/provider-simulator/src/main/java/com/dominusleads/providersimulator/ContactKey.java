package com.dominusleads.providersimulator;

import java.util.Locale;

/**
 * One person whatever the address form: {@code whatsapp:+5511999990001}, {@code 5511999990001@s.whatsapp.net},
 * {@code 5511999990001} and {@code +55 11 99999-0001} are all {@code +5511999990001}; an e-mail address is its
 * lower-case form. Scripts, opt-outs and the send log use this key.
 */
final class ContactKey {

    private ContactKey() {
    }

    static String of(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.contains("@") && !a.endsWith("@s.whatsapp.net") && !a.endsWith("@c.us")) {
            return a.toLowerCase(Locale.ROOT);
        }
        if (a.startsWith("whatsapp:")) {
            a = a.substring("whatsapp:".length());
        }
        int at = a.indexOf('@');
        if (at >= 0) {
            a = a.substring(0, at);
        }
        String digits = a.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? a : "+" + digits;
    }

    /** Whether {@code address} is a phone number in E.164 ({@code +} and 8 to 15 digits, no leading 0). */
    static boolean isE164(String address) {
        return address != null && address.matches("\\+[1-9][0-9]{7,14}");
    }
}
