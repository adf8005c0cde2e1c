package com.dominusleads.providersimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mail sent to contacts through a real GreenMail is answered into the sender's reply mailbox. */
class MailboxResponderTest {

    static final String SENDER = "vendas@acme.dominus.local";
    static final String REPLY_MAILBOX = "respostas+acme@dominus.local";

    private GreenMail greenMail;
    private ProviderSimulator simulator;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        simulator = ProviderSimulator.start(0, SimulatorOptions.defaults().withConfig("""
                {"email": {"smtpPort": %d, "imapPort": %d, "pollMillis": 0, "watch": ["%s"]},
                 "outcomes": {"script": {"contato@empresa.com.br": "interested", "sumido@empresa.com.br": "invalid_number",
                                         "quieto@empresa.com.br": "silence"}},
                 "latency": {"statusMillis": 0, "replyMillis": 0}}""".formatted(greenMail.getSmtp().getPort(),
                greenMail.getImap().getPort(), REPLY_MAILBOX)));
    }

    @AfterEach
    void stop() {
        simulator.close();
        greenMail.stop();
    }

    /** Mails as messaging-service would: from the tenant, replies to its reply mailbox. */
    private String mail(String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(SENDER, "Acme Vendas"));
        message.setReplyTo(new InternetAddress[]{new InternetAddress(REPLY_MAILBOX)});
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message); // saves the message, giving it its Message-ID
        return message.getMessageID();
    }

    private List<MimeMessage> mailboxOf(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anInterestedContactRepliesInTheThreadToTheReplyMailbox() throws Exception {
        String id = mail("contato@empresa.com.br", "Proposta para a Empresa", "Olá,\nposso apresentar a Acme?");

        List<Send> found = simulator.pollMail();

        assertThat(found).hasSize(1);
        Send send = found.getFirst();
        assertThat(send.provider()).isEqualTo("email");
        assertThat(send.channel()).isEqualTo(Channel.EMAIL);
        assertThat(send.from()).isEqualTo(SENDER);
        assertThat(send.contact()).isEqualTo("contato@empresa.com.br");
        assertThat(send.messageId()).isEqualTo(id);
        assertThat(send.body()).startsWith("Proposta para a Empresa\n\nOlá,");
        assertThat(send.outcome()).isEqualTo(Outcome.INTERESTED);
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<MimeMessage> replies = mailboxOf(REPLY_MAILBOX);
        assertThat(replies).hasSize(1);
        MimeMessage reply = replies.getFirst();
        assertThat(reply.getFrom()[0].toString()).isEqualTo("contato@empresa.com.br");
        assertThat(reply.getSubject()).isEqualTo("Re: Proposta para a Empresa");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(id);
        assertThat(reply.getHeader("References", " ")).contains(id);
        assertThat(reply.getMessageID()).isNotEqualTo(id);
        String text = String.valueOf(reply.getContent());
        assertThat(text).startsWith("Sim, tenho interesse. Pode me ligar?");
        assertThat(text).contains("> Olá,").contains("> posso apresentar a Acme?");

        assertThat(simulator.pollMail()).as("read mails and the simulator's own replies are no sends").isEmpty();
        assertThat(simulator.sends().all()).hasSize(1);
    }

    @Test
    void aReplyStaysUnreadInAWatchedMailboxForItsOwnerToRead() throws Exception {
        mail("contato@empresa.com.br", "Proposta", "Olá");
        simulator.pollMail();
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(simulator.pollMail()).as("the reply mailbox is watched too").isEmpty();

        assertThat(unread(REPLY_MAILBOX)).as("messaging-service reads its mailbox for unread mail").isEqualTo(1);
    }

    /** Unread mails in {@code address}'s mailbox, as its owner sees them over IMAP. */
    private int unread(String address) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    @Test
    void anInvalidAddressBouncesToTheSender() throws Exception {
        String id = mail("sumido@empresa.com.br", "Proposta", "Olá");

        simulator.pollMail();
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<MimeMessage> bounces = mailboxOf(SENDER);
        assertThat(bounces).hasSize(1);
        MimeMessage bounce = bounces.getFirst();
        assertThat(bounce.getFrom()[0].toString()).contains("MAILER-DAEMON@empresa.com.br");
        assertThat(bounce.getContentType()).contains("multipart/report").contains("report-type=delivery-status");
        assertThat(bounce.getHeader("X-Failed-Recipients", null)).isEqualTo("sumido@empresa.com.br");
        assertThat(bounce.getHeader("In-Reply-To", null)).isEqualTo(id);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        bounce.writeTo(raw);
        assertThat(raw.toString()).contains("Status: 5.1.1").contains("Final-Recipient: rfc822; sumido@empresa.com.br");
        assertThat(((Multipart) bounce.getContent()).getCount()).isEqualTo(3);
        assertThat(mailboxOf(REPLY_MAILBOX)).isEmpty();
    }

    @Test
    void silenceSendsNothingAndAResendDeliversTheSameReplyAgain() throws Exception {
        mail("quieto@empresa.com.br", "Proposta", "Olá");
        mail("contato@empresa.com.br", "Proposta", "Olá");
        simulator.pollMail();
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<Delivery> deliveries = simulator.deliveries().all();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.getFirst().status()).isEqualTo(250);
        assertThat(deliveries.getFirst().url()).isEqualTo("smtp://127.0.0.1:" + greenMail.getSmtp().getPort());

        Delivery again = simulator.resend(deliveries.getFirst().id(), false);

        assertThat(again.delivered()).isTrue();
        List<MimeMessage> replies = mailboxOf(REPLY_MAILBOX);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).getMessageID()).isEqualTo(replies.get(0).getMessageID())
                .isEqualTo(deliveries.getFirst().messageId());
    }

    @Test
    void aContactCanBeMadeToReplyOnRequestAndOptsOut() throws Exception {
        String id = mail("quieto@empresa.com.br", "Proposta", "Olá");
        simulator.pollMail();

        Delivery reply = simulator.inbound(Inbound.of("email", "quieto@empresa.com.br", "Remover"));

        assertThat(reply.delivered()).isTrue();
        MimeMessage received = mailboxOf(REPLY_MAILBOX).getFirst();
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo(id);
        assertThat(String.valueOf(received.getContent())).startsWith("Remover");
        assertThat(simulator.contacts().optedOut("quieto@empresa.com.br")).isTrue();
    }
}
