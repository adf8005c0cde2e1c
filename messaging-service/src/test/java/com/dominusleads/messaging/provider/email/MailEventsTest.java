package com.dominusleads.messaging.provider.email;

import static com.dominusleads.messaging.provider.email.DsnMails.dsn;
import static com.dominusleads.messaging.provider.email.DsnMails.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.TestChannels;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivery status notifications: what their per-recipient Action says, not just that they are one. */
class MailEventsTest {

    private static final Channel CHANNEL = TestChannels.channel(ChannelKind.EMAIL, Provider.SMTP,
            "vendas@tenant.example", Map.of(), Map.of());
    private static final Instant REPORTED = Instant.parse("2026-11-23T17:20:01Z");

    private final MailEvents events = new MailEvents(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final UUID ours = UUID.randomUUID();

    @Test
    void aFailedRecipientIsABounceWithItsStatusAndItsFoldedDiagnostic() throws Exception {
        Optional<ProviderEvent> event = events.read(CHANNEL, dsn(ours, "Undelivered Mail Returned to Sender",
                recipient("ana@empresa.example", """
                        Action: failed
                        Status: 5.1.1
                        Remote-MTA: dns; gmail-smtp-in.l.google.com
                        Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
                            not exist. Please try double-checking the recipient's email address""")));

        assertThat(event).get().isEqualTo(new StatusUpdate(Provider.SMTP, "<" + ours + "@dominusleads>", ours,
                DeliveryStatus.FAILED, "5.1.1", "smtp; 550-5.1.1 The email account that you tried to reach does"
                + " not exist. Please try double-checking the recipient's email address", REPORTED));
    }

    @Test
    void aDelayIsNoFailure() throws Exception {
        assertThat(events.read(CHANNEL, dsn(ours, "Delayed Mail (still being retried)",
                recipient("ana@empresa.example", """
                        Action: delayed
                        Status: 4.4.1
                        Diagnostic-Code: X-Postfix; connect to mx.empresa.example[203.0.113.7]:25: Connection timed out
                        Will-Retry-Until: Sat, 28 Nov 2026 10:15:30 -0300 (BRT)""")))).isEmpty();
    }

    @Test
    void aSuccessReportDeliversTheMail() throws Exception {
        for (String action : new String[] {"delivered", "relayed", "expanded", "Delivered"}) {
            Optional<ProviderEvent> event = events.read(CHANNEL, dsn(ours, "Successful Mail Delivery Report",
                    recipient("ana@empresa.example", "Action: " + action + "\nStatus: 2.0.0\n"
                            + "Remote-MTA: dns; mx.empresa.example\nDiagnostic-Code: smtp; 250 2.0.0 Ok: queued")));

            assertThat(event).as(action).get().isEqualTo(new StatusUpdate(Provider.SMTP,
                    "<" + ours + "@dominusleads>", ours, DeliveryStatus.DELIVERED, null, null, REPORTED));
        }
    }

    @Test
    void aFailureIsNotHiddenBehindAnotherRecipientsSuccessOrDelay() throws Exception {
        Optional<ProviderEvent> event = events.read(CHANNEL, dsn(ours, "Undelivered Mail Returned to Sender",
                recipient("compras@empresa.example", "Action: delivered\nStatus: 2.0.0"),
                recipient("ana@empresa.example", "Action: delayed\nStatus: 4.2.2"),
                recipient("ninguem@empresa.example", "Action: failed\nStatus: 5.2.1\n"
                        + "Diagnostic-Code: smtp; 550 5.2.1 Mailbox disabled")));

        assertThat(event).get().isInstanceOfSatisfying(StatusUpdate.class, bounce -> {
            assertThat(bounce.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(bounce.errorCode()).isEqualTo("5.2.1");
            assertThat(bounce.errorTitle()).isEqualTo("smtp; 550 5.2.1 Mailbox disabled");
        });
    }

    @Test
    void aReportWithoutItsPerMessageFieldsStillNamesItsRecipient() {
        assertThat(RecipientReport.of("Final-Recipient: rfc822; ana@empresa.example\r\nAction: delayed\r\n"
                + "Status: 4.4.1\r\n")).contains(new RecipientReport(RecipientReport.Action.DELAYED, "4.4.1", null));
        assertThat(RecipientReport.of("Reporting-MTA: dns; mx.tenant.example\n")).isEmpty();
    }

    @Test
    void aBounceWithoutADeliveryStatusPartIsStillAFailureWithTheCodeFromItsText() throws Exception {
        MimeMessage bounce = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream("""
                From: Mail Delivery Subsystem <mailer-daemon@mx.tenant.example>
                To: vendas@tenant.example
                Subject: Delivery Status Notification (Failure)
                Date: Mon, 23 Nov 2026 14:20:01 -0300
                In-Reply-To: <%s@dominusleads>
                Content-Type: text/plain; charset=UTF-8

                Your message wasn't delivered to ninguem@empresa.example because the address couldn't be found.
                The response was: 550 5.1.1 user unknown
                """.formatted(ours).getBytes(StandardCharsets.UTF_8)));

        assertThat(events.read(CHANNEL, bounce)).get().isEqualTo(new StatusUpdate(Provider.SMTP,
                "<" + ours + "@dominusleads>", ours, DeliveryStatus.FAILED, "5.1.1", "Delivery failed", REPORTED));
    }
}
