package com.dominusleads.providersimulator;

/** One provider's side of the follow-ups: its webhooks for the steps of an outcome, and for requested messages. */
interface Provider {

    /** The steps an outcome is played in, whatever the provider. */
    enum Step {
        SENT, DELIVERED, READ, FAILED, REPLY
    }

    /** {@code meta}, {@code twilio}, {@code evolution} or {@code email}. */
    String name();

    /**
     * Posts what {@code step} of {@code send}'s outcome looks like from this provider. {@code errorCode}: the failure's
     * code when the script gave one (null: the provider's usual code); {@code reply}: the text of a reply.
     */
    void play(Send send, Step step, Integer errorCode, String reply);

    /** Posts a contact's message now. */
    Delivery inbound(Inbound inbound);

    /** Posts a status of {@code send} now (the provider's own status name, e.g. {@code delivered}). */
    Delivery status(Send send, String status, Integer errorCode);
}
