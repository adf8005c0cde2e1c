package com.dominusleads.messaging.provider.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

/** Delivery status notifications (RFC 3464) as Postfix writes them, about one of our mails. */
final class DsnMails {

    private DsnMails() {
    }

    /** A Postfix DSN to vendas@tenant.example on our mail {@code ours}, with these per-recipient blocks. */
    static MimeMessage dsn(UUID ours, String subject, String... recipients) throws MessagingException {
        String text = """
                Return-Path: <>
                Received: by mx.tenant.example (Postfix) id 3F1A2C0123; Mon, 23 Nov 2026 14:20:01 -0300 (BRT)
                Date: Mon, 23 Nov 2026 14:20:01 -0300 (BRT)
                From: MAILER-DAEMON@mx.tenant.example (Mail Delivery System)
                Subject: %s
                To: vendas@tenant.example
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="3F1A2C0123.1795972801/mx.tenant.example"
                Content-Transfer-Encoding: 8bit
                Message-Id: <20261123172001.3F1A2C0123@mx.tenant.example>

                This is a MIME-encapsulated message.

                --3F1A2C0123.1795972801/mx.tenant.example
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.tenant.example.

                Your message could not be delivered for 4.0 hours, or it was; see the report below.

                --3F1A2C0123.1795972801/mx.tenant.example
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.tenant.example
                X-Postfix-Queue-ID: 3F1A2C0123
                X-Postfix-Sender: rfc822; vendas@tenant.example
                Arrival-Date: Mon, 23 Nov 2026 10:15:30 -0300 (BRT)

                %s

                --3F1A2C0123.1795972801/mx.tenant.example
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                Return-Path: <vendas@tenant.example>
                Message-ID: <%s@dominusleads>
                From: vendas@tenant.example
                To: ana@empresa.example
                Subject: Proposta

                --3F1A2C0123.1795972801/mx.tenant.example--
                """.formatted(subject, String.join("\n\n", recipients), ours);
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A recipient's block: Final-Recipient, then {@code fields} (Action, Status, …) one a line. */
    static String recipient(String address, String fields) {
        return "Final-Recipient: rfc822; " + address + "\nOriginal-Recipient: rfc822;" + address + "\n" + fields;
    }
}
