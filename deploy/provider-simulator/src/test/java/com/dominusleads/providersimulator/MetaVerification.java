package com.dominusleads.providersimulator;

import com.dominusleads.simulatorkit.WebhookReceiver;
import java.net.URI;
import java.util.Map;

/**
 * How a webhook endpoint answers Meta's verification GET ({@code hub.mode=subscribe}, {@code hub.verify_token},
 * {@code hub.challenge}): the challenge when the token is {@link #VERIFY_TOKEN}, 403 otherwise.
 */
final class MetaVerification {

    static final String VERIFY_TOKEN = "the-verify-token";

    private MetaVerification() {
    }

    /** The answer to {@code request} when it is a verification GET; null otherwise. */
    static WebhookReceiver.Reply reply(WebhookReceiver.Received request) {
        Map<String, String> query = FormData.parse(URI.create(request.url()).getRawQuery());
        if (!request.method().equals("GET") || !query.containsKey("hub.challenge")) {
            return null;
        }
        boolean ok = VERIFY_TOKEN.equals(query.get("hub.verify_token")) && "subscribe".equals(query.get("hub.mode"));
        return new WebhookReceiver.Reply(ok ? 200 : 403, ok ? query.get("hub.challenge") : "forbidden");
    }
}
