package com.dominusleads.providersimulator;

import java.util.Locale;

/** How a message travels, whatever the provider: scripts may give a contact a different outcome per channel. */
public enum Channel {
    WHATSAPP, SMS, EMAIL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + id + "' (one of whatsapp, sms, email)");
        }
    }
}
