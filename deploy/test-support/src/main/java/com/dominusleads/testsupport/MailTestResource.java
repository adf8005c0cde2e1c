package com.dominusleads.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Real SMTP for the Quarkus mailer: the shared in-JVM GreenMail, so a test reads the mail the application really
 * sent (with {@link Mailbox}) instead of the mailer's mock. {@code dominus.smtp.port} is for code that hands the
 * port on, e.g. to a Keycloak realm.
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String port = String.valueOf(TestStack.mail().getSmtp().getPort());
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", port,
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.from", "no-reply@dominusleads.local",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "dominus.smtp.port", port);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped at JVM exit.
    }
}
