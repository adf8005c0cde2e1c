package com.dominusleads.providersimulator;

import java.util.Locale;

/** What a contact does after a message reaches (or fails to reach) them. */
public enum Outcome {

    /** Delivered, read, and answered with interest. */
    INTERESTED("Sim, tenho interesse. Pode me ligar?"),
    /** Delivered, read, and declined. */
    NOT_INTERESTED("Não tenho interesse, obrigado."),
    /** Delivered, read, and answered with an opt-out word; the contact is opted out from then on. */
    OPT_OUT("PARE"),
    /** Delivered and never answered. */
    SILENCE(null),
    /** The number (or address) does not exist: a failed status with the provider's code, or a bounce. */
    INVALID_NUMBER(null),
    /**
     * A fixed line: Twilio refuses SMS at once (21614), WhatsApp cannot reach it (Meta 131026, Twilio 63003,
     * Evolution {@code exists: false}); e-mail behaves as {@link #SILENCE}.
     */
    LANDLINE(null),
    /** Accepted and sent, then never delivered nor failed (a phone that stays off): only the "sent" status comes. */
    NO_DELIVERY(null);

    private final String defaultReply;

    Outcome(String defaultReply) {
        this.defaultReply = defaultReply;
    }

    /** The name used in configuration and answers, e.g. {@code not_interested}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text the contact answers with unless configured otherwise; null when the contact does not answer. */
    public String defaultReply() {
        return defaultReply;
    }

    /** Whether the contact answers. */
    public boolean replies() {
        return defaultReply != null;
    }

    /** The outcome named {@code id} (as {@link #id()}, case-insensitive). */
    public static Outcome of(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown outcome '" + id + "' (one of interested, not_interested,"
                    + " opt_out, silence, invalid_number, landline, no_delivery)");
        }
    }
}
