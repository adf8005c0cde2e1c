package com.dominusleads.providersimulator;

/**
 * A contact's message made on request ({@code POST /_simulator/inbound}), for manual tests and for forged or replayed
 * webhooks.
 *
 * @param provider      {@code meta}, {@code twilio}, {@code evolution} or {@code email}
 * @param from          the contact ({@code +5511…}, or an e-mail address)
 * @param to            who it is sent to: the phone-number id (Meta), the sender address as in {@code From}, e.g.
 *                      {@code whatsapp:+1415…} (Twilio), the instance (Evolution), the reply mailbox (e-mail); null:
 *                      whoever last sent to the contact through that provider
 * @param text          what the contact writes
 * @param signature     {@code valid}, {@code forged} (signed with a wrong secret) or {@code none} (no signature)
 * @param jwtAgeSeconds Evolution: how long ago the JWT was issued (over 600: already expired)
 */
public record Inbound(String provider, String from, String to, String text, Signature signature, long jwtAgeSeconds) {

    /** How an inbound webhook is signed. */
    public enum Signature {
        VALID, FORGED, NONE
    }

    public Inbound {
        if (provider == null || from == null || text == null) {
            throw new IllegalArgumentException("provider, from and text are required");
        }
        signature = signature == null ? Signature.VALID : signature;
    }

    /** The same message sent to {@code to}. */
    public Inbound withTo(String to) {
        return new Inbound(provider, from, to, text, signature, jwtAgeSeconds);
    }

    /** The same message signed as {@code how}. */
    public Inbound signed(Signature how) {
        return new Inbound(provider, from, to, text, how, jwtAgeSeconds);
    }

    /** The same message with a JWT issued {@code seconds} ago (Evolution). */
    public Inbound withJwtAge(long seconds) {
        return new Inbound(provider, from, to, text, signature, seconds);
    }

    /** A validly signed message from {@code from} to whoever last wrote to them through {@code provider}. */
    public static Inbound of(String provider, String from, String text) {
        return new Inbound(provider, from, null, text, Signature.VALID, 0);
    }
}
