package com.dominusleads.launcher;

import java.util.Map;

/**
 * What messaging-service is told beyond what every service is, the same in the local stack and in a suite: the keys
 * that encrypt provider credentials at rest, the URL providers post webhooks to (Twilio signs it, so it must be the
 * one they call), and the provider simulator as Meta's and Twilio's API: the service calls it exactly as it would
 * call graph.facebook.com and api.twilio.com. Channels may name hosts on this machine (the simulator as an Evolution
 * server, GreenMail as SMTP/IMAP server), which a production deployment refuses.
 *
 * @param credentialKeys    {@code <key id>:<base64 of 32 random bytes>}
 * @param publicUrl         the service's own base URL, e.g. {@code http://127.0.0.1:18205}
 * @param providerSimulator the provider simulator's base URL
 */
public record MessagingEnvironment(String credentialKeys, String publicUrl, String providerSimulator) {

    public Map<String, String> variables() {
        return Map.of("DOMINUS_MESSAGING_KEYS", credentialKeys,
                "DOMINUS_MESSAGING_PUBLIC_URL", publicUrl,
                "DOMINUS_META_BASE_URL", providerSimulator,
                "DOMINUS_TWILIO_BASE_URL", providerSimulator,
                "DOMINUS_MESSAGING_ALLOW_PRIVATE_HOSTS", "true");
    }
}
