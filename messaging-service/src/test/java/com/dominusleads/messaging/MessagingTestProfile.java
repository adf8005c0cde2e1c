package com.dominusleads.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service as outreach tests need it: a fixed HTTP port (providers call the webhooks back, and Twilio signs the
 * public URL, which must be known before start), every hour a sending hour, fast dispatch rounds, mailbox polls and
 * reconciliation, and a delivery timeout of seconds.
 */
public class MessagingTestProfile implements QuarkusTestProfile {

    public static final int PORT = 18995;
    public static final String PUBLIC_URL = "http://127.0.0.1:" + PORT;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", String.valueOf(PORT)),
                Map.entry("dominus.messaging.public-url", PUBLIC_URL),
                Map.entry("dominus.messaging.outreach.sending-hours", "MON-SUN 00:00-24:00"),
                Map.entry("dominus.messaging.dispatch.interval", "100ms"),
                Map.entry("dominus.messaging.dispatch.delay", "0s"),
                Map.entry("dominus.messaging.reconcile.interval", "1s"),
                Map.entry("dominus.messaging.reconcile.recheck", "1s"),
                Map.entry("dominus.messaging.delivery-check", "1s"),
                Map.entry("dominus.messaging.mailbox-poll", "1s"),
                Map.entry("dominus.messaging.providers.meta.reconcile-after", "3s"),
                Map.entry("dominus.messaging.outreach.delivery-timeout", "PT4S"));
    }
}
