package com.dominusleads.messaging.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.TestChannels;
import com.dominusleads.providersimulator.ProviderSimulator;
import com.dominusleads.providersimulator.SimulatorOptions;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's mailbox in GreenMail (SMTP + IMAP in the test JVM), answered by the provider simulator's mail responder:
 * a contact's reply quoting our mail, and a bounce for an address that does not exist.
 */
class MailboxReaderTest {

    private static final String MAILBOX = "vendas@tenant.example";
    private static final String PASSWORD = "imap-password";
    private static final String INTERESTED = "ana@empresa.example";
    private static final String UNKNOWN = "ninguem@empresa.example";

    private static GreenMail mail;
    private static GreenMailUser mailbox;
    private static ProviderSimulator providers;
    private static Channel channel;
    private final MailboxReader reader = new MailboxReader();

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        mailbox = mail.setUser(MAILBOX, MAILBOX, PASSWORD);
        channel = TestChannels.channel(ChannelKind.EMAIL, Provider.SMTP, MAILBOX, Map.of(
                EmailChannelKeys.IMAP_HOST, "127.0.0.1",
                EmailChannelKeys.IMAP_PORT, String.valueOf(mail.getImap().getPort()),
                EmailChannelKeys.IMAP_USERNAME, MAILBOX,
                EmailChannelKeys.IMAP_SECURITY, "none"), Map.of(EmailChannelKeys.IMAP_PASSWORD, PASSWORD));
        providers = ProviderSimulator.start(0, SimulatorOptions.defaults().withSeed(42).withConfig("""
                {"email": {"smtpPort": %d, "imapPort": %d, "pollMillis": 0},
                 "outcomes": {"script": {"%s": "interested", "%s": "invalid_number"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0, "jitterMillis": 0}}"""
                .formatted(mail.getSmtp().getPort(), mail.getImap().getPort(), INTERESTED, UNKNOWN)));
    }

    @AfterAll
    static void stop() {
        providers.close();
        mail.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        providers.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aReplyABounceAndAMailWithoutMessageIdBecomeEventsAndAreNotReadAgainOnceSeen() throws Exception {
        UUID toAna = UUID.randomUUID();
        UUID toNobody = UUID.randomUUID();
        mailFromUs(toAna, INTERESTED);
        mailFromUs(toNobody, UNKNOWN);
        assertThat(providers.pollMail()).hasSize(2);
        assertThat(providers.awaitIdle(Duration.ofSeconds(10))).isTrue();
        Instant sent = Instant.parse("2026-11-23T10:15:30Z");
        deliver(mailWithoutMessageId("carlos@outra.example", "Re: Proposta", "Pode ligar amanhã.", sent));

        List<ReceivedMail> mails = reader.poll(channel, 10);

        assertThat(mails).hasSize(3).extracting(ReceivedMail::uid).doesNotHaveDuplicates();
        List<ProviderEvent> events = mails.stream().map(ReceivedMail::event).flatMap(Optional::stream).toList();
        assertThat(events).filteredOn(e -> e instanceof InboundMessage m && m.inReplyTo() != null).singleElement()
                .isInstanceOfSatisfying(InboundMessage.class, reply -> {
                    assertThat(reply.provider()).isEqualTo(Provider.SMTP);
                    assertThat(reply.kind()).isEqualTo(ChannelKind.EMAIL);
                    assertThat(reply.from()).isEqualTo(INTERESTED);
                    assertThat(reply.to()).isEqualTo(MAILBOX);
                    assertThat(reply.text()).isEqualTo("Sim, tenho interesse. Pode me ligar?");
                    assertThat(reply.inReplyTo()).isEqualTo(toAna);
                    assertThat(reply.providerMessageId()).matches("<[0-9a-f-]{36}@empresa\\.example>");
                });
        assertThat(events).filteredOn(StatusUpdate.class::isInstance).singleElement()
                .isInstanceOfSatisfying(StatusUpdate.class, bounce -> {
                    assertThat(bounce.provider()).isEqualTo(Provider.SMTP);
                    assertThat(bounce.providerMessageId()).isEqualTo("<" + toNobody + "@dominusleads>");
                    assertThat(bounce.messageId()).isEqualTo(toNobody);
                    assertThat(bounce.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(bounce.errorCode()).isEqualTo("5.1.1");
                    assertThat(bounce.errorTitle()).contains("User unknown");
                });
        InboundMessage anonymous = events.stream().filter(e -> e instanceof InboundMessage m
                && m.from().equals("carlos@outra.example")).map(InboundMessage.class::cast).findFirst().orElseThrow();
        assertThat(anonymous.providerMessageId()).startsWith("<synthetic-");
        assertThat(anonymous.text()).isEqualTo("Pode ligar amanhã.");
        assertThat(anonymous.at()).isEqualTo(sent);
        assertThat(anonymous.inReplyTo()).isNull();

        // Unseen until marked: read again, the same ids (also the synthetic one) deduplicate them.
        assertThat(reader.poll(channel, 10)).map(ReceivedMail::event).isEqualTo(mails.stream()
                .map(ReceivedMail::event).toList());
        reader.markSeen(channel, mails);
        assertThat(reader.poll(channel, 10)).isEmpty();
    }

    @Test
    void aReplyIsCutAtTheQuotedOriginalAndTiedByReferencesAndAutoRepliesAreNoAnswer() throws Exception {
        UUID earlier = UUID.randomUUID();
        UUID latest = UUID.randomUUID();
        MimeMessage reply = message("joao@empresa.example", "Re: Proposta");
        reply.setHeader("In-Reply-To", "<CAF=x1@mail.gmail.com>");
        reply.setHeader("References", "<" + earlier + "@dominusleads> <CAF=x1@mail.gmail.com> <" + latest
                + "@dominusleads>");
        reply.setText("Bom dia,\n\nTenho interesse, mas só em dezembro.\n> uma linha citada solta\n\n"
                + "Em seg., 23 de nov. de 2026 às 10:00, Vendas <vendas@tenant.example>\nescreveu:\n\n"
                + "> Olá João,\n> temos uma proposta.\n", "UTF-8");
        deliver(reply);
        MimeMessage outOfOffice = message("maria@empresa.example", "Resposta automática: Proposta");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("Estou de férias até 5/1.", "UTF-8");
        deliver(outOfOffice);

        List<ReceivedMail> mails = reader.poll(channel, 10);

        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).event()).get().isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.text()).isEqualTo("Bom dia,\n\nTenho interesse, mas só em dezembro.");
            assertThat(message.inReplyTo()).isEqualTo(latest);
        });
        assertThat(mails.get(1).event()).isEmpty();
        assertThat(reader.poll(channel, 1)).singleElement().extracting(ReceivedMail::uid)
                .isEqualTo(mails.get(0).uid());
        reader.markSeen(channel, mails);
        assertThat(reader.poll(channel, 10)).isEmpty();
    }

    @Test
    void aDelayReportIsNoEventAndASuccessReportDeliversTheMail() throws Exception {
        UUID delayed = UUID.randomUUID();
        UUID delivered = UUID.randomUUID();
        mailbox.deliver(DsnMails.dsn(delayed, "Delayed Mail (still being retried)",
                DsnMails.recipient(INTERESTED, "Action: delayed\nStatus: 4.4.1")));
        mailbox.deliver(DsnMails.dsn(delivered, "Successful Mail Delivery Report",
                DsnMails.recipient(INTERESTED, "Action: delivered\nStatus: 2.0.0")));

        List<ReceivedMail> mails = reader.poll(channel, 10);

        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).event()).isEmpty();
        assertThat(mails.get(1).event()).get().isInstanceOfSatisfying(StatusUpdate.class, report -> {
            assertThat(report.messageId()).isEqualTo(delivered);
            assertThat(report.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
        reader.markSeen(channel, mails);
        assertThat(reader.poll(channel, 10)).isEmpty();
    }

    @Test
    void aMailboxThatRefusesTheLoginIsUnavailableWithoutRevealingThePassword() {
        Channel wrong = TestChannels.channel(ChannelKind.EMAIL, Provider.SMTP, MAILBOX, channel.settings(),
                Map.of(EmailChannelKeys.IMAP_PASSWORD, "wrong-password"));

        assertThatThrownBy(() -> reader.poll(wrong, 10)).isInstanceOf(MailboxUnavailableException.class)
                .hasMessageContaining(wrong.id().toString()).hasMessageNotContaining("wrong-password");
    }

    /** Our outgoing mail, as the SMTP sender will write it: {@code Message-ID: <uuid@dominusleads>}. */
    private void mailFromUs(UUID id, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(smtp()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + "@dominusleads>");
            }
        };
        message.setFrom(new InternetAddress(MAILBOX));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Proposta", "UTF-8");
        message.setSentDate(new Date());
        message.setText("Olá,\ntemos uma proposta para a sua empresa.", "UTF-8");
        Transport.send(message);
    }

    private MimeMessage mailWithoutMessageId(String from, String subject, String text, Instant sent)
            throws MessagingException {
        MimeMessage message = new MimeMessage(smtp()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                removeHeader("Message-ID");
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(sent));
        message.setText(text, "UTF-8");
        return message;
    }

    private MimeMessage message(String from, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(smtp());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        return message;
    }

    private void deliver(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    private static Session smtp() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        properties.put("mail.smtp.localhost", "localhost");   // HELO name: spares a slow lookup of our host name
        return Session.getInstance(properties);
    }
}
