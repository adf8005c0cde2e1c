package com.dominusleads.providersimulator;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook the simulator posted (or one mail it handed to the SMTP server), with what it sent and what it got back.
 *
 * @param id        {@code dlv_<n>}: what {@code POST /_simulator/deliveries/{id}/resend} takes
 * @param provider  {@code meta}, {@code twilio}, {@code evolution} or {@code email}
 * @param kind      {@code status}, {@code inbound} (a contact's message), {@code connection} (Evolution) or
 *                  {@code sent} (Evolution's echo of a send)
 * @param event     the provider's own name: Meta's status or {@code message}; Twilio's {@code MessageStatus} or
 *                  {@code received}; Evolution's event ({@code messages.update}…); {@code reply} or {@code bounce}
 * @param messageId the provider message id the delivery is about (for an inbound, the contact's new message)
 * @param url       where it went ({@code smtp://host:port} for mail); null when nowhere was configured
 * @param headers   the request headers set by the simulator, signatures included
 * @param body      the exact body (a form, JSON, or the raw MIME message)
 * @param status    the HTTP status answered (250 for mail accepted by SMTP); 0 when there was no answer
 * @param error     why there was no answer (no URL, connection refused, timeout), else null
 * @param resendOf  the delivery this one repeats, else null
 */
public record Delivery(String id, String provider, String kind, String event, String messageId, String contact,
                       String url, Map<String, String> headers, String body, Instant at, int status, String error,
                       long millis, String resendOf) {

    public Delivery {
        headers = Map.copyOf(headers);
    }

    /** Answered 2xx (or accepted by SMTP). */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
