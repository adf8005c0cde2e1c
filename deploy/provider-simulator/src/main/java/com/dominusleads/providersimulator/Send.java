package com.dominusleads.providersimulator;

import java.time.Instant;

/**
 * One send the simulator received: an API call to send a message (accepted or refused), or a mail found in a contact's
 * mailbox.
 *
 * @param seq         its position among all sends, from 1
 * @param provider    {@code meta}, {@code twilio}, {@code evolution} or {@code email}
 * @param account     the phone-number id (Meta), account SID (Twilio), instance (Evolution); null for e-mail
 * @param from        the sender as the provider knows it: display number or phone-number id (Meta), {@code From}
 *                    (Twilio), the instance's number or name (Evolution), the From address (e-mail)
 * @param to          the destination as given
 * @param contact     the destination as one person ({@code +5511…} or a lower-case address)
 * @param type        {@code text}, {@code template} or {@code email}
 * @param body        the text (a template's name for templates; subject, blank line, text for e-mail)
 * @param messageId   the provider's id of the message; null when refused
 * @param httpStatus  what the API answered (250 for a mail found)
 * @param errorCode   the provider's error code when refused, else null
 * @param outcome     what the contact does; null when refused before one was decided (a malformed call, an
 *                    unsubscribed recipient); a refused send may have one (Twilio's 21614 for a landline)
 * @param afterOptOut the contact had opted out before this send
 */
public record Send(long seq, String provider, Channel channel, String account, String from, String to,
                   String contact, String type, String body, String messageId, Instant at, int httpStatus,
                   String errorCode, Outcome outcome, boolean afterOptOut) {

    /** Whether the provider accepted it. */
    public boolean accepted() {
        return httpStatus >= 200 && httpStatus < 300;
    }
}
