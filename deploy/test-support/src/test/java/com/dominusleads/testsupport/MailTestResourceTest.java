package com.dominusleads.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailTestResourceTest {

    private final Map<String, String> config = new MailTestResource().start();

    @Test
    void mailSentToTheConfiguredServerReachesOnlyItsRecipientsMailbox() throws Exception {
        String address = "mail-" + UUID.randomUUID() + "@dominusleads.local";
        MimeMessage message = new MimeMessage(session());
        message.setFrom(config.get("quarkus.mailer.from"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject("Confirm your address");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Open http://127.0.0.1:8080/confirm?token=a1&lang=pt.\nThanks.");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p><a href=\"https://example.test/x?a=1&amp;b=2\">confirm</a></p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));

        Transport.send(message);

        Mailbox.Mail mail = Mailbox.awaitMessageTo(address, Duration.ofSeconds(10));
        assertThat(mail.subject()).isEqualTo("Confirm your address");
        assertThat(mail.from()).isEqualTo("no-reply@dominusleads.local");
        assertThat(mail.text()).startsWith("Open http://127.0.0.1:8080/confirm");
        assertThat(mail.html()).contains("<a href=");
        assertThat(mail.links()).containsExactly("http://127.0.0.1:8080/confirm?token=a1&lang=pt",
                "https://example.test/x?a=1&b=2");
        assertThat(Mailbox.messagesTo("someone-else-" + UUID.randomUUID() + "@dominusleads.local")).isEmpty();
    }

    @Test
    void theMailerIsPointedAtThePortGreenMailListensOn() {
        String port = String.valueOf(TestStack.mail().getSmtp().getPort());

        assertThat(config).containsEntry("quarkus.mailer.host", "127.0.0.1")
                .containsEntry("quarkus.mailer.port", port)
                .containsEntry("dominus.smtp.port", port)
                .containsEntry("quarkus.mailer.mock", "false");
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.get("quarkus.mailer.host"));
        properties.put("mail.smtp.port", config.get("quarkus.mailer.port"));
        return Session.getInstance(properties);
    }
}
