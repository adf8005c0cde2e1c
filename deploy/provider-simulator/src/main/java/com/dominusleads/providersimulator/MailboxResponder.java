package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The e-mail side, with GreenMail as the mail server: no SMTP listener of its own, it reads what was mailed to the
 * contacts it watches (IMAP, the contact's mailbox; every unread mail is one send, then marked read) and answers as
 * those contacts would, by SMTP, into the sender's reply mailbox ({@code Reply-To}, else {@code From}): a reply with
 * {@code In-Reply-To} and {@code References} set to the original Message-ID and the original quoted, or for an
 * invalid address a bounce ({@code multipart/report}, {@code Status: 5.1.1}) to the sender. Its own mails carry
 * {@code X-Dominus-Simulator}: never taken for sends, and left unread for the mailbox's owner.
 */
final class MailboxResponder implements Provider {

    static final String NAME = "email";
    static final String MARK = "X-Dominus-Simulator";
    private static final DateTimeFormatter QUOTE_DATE = DateTimeFormatter
            .ofPattern("EEE, d 'de' MMM 'de' yyyy HH:mm", Locale.forLanguageTag("pt-BR"))
            .withZone(ZoneId.of("America/Sao_Paulo"));

    /** What a reply needs of the mail it answers. */
    private record Original(String messageId, String references, String from, String replyTo, String subject,
                            Date sent, String text) {
    }

    private final Simulation sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Original> originals = new ConcurrentHashMap<>();
    private final Object pollLock = new Object();
    private Thread poller;

    MailboxResponder(Simulation sim) {
        this.sim = sim;
        sim.onConfig(c -> restart());
        restart();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** (Re)starts reading the mailboxes every {@code pollMillis}, or stops when mail is off. */
    synchronized void restart() {
        if (poller != null) {
            poller.interrupt();
            poller = null;
        }
        SimulatorConfig.Mail mail = sim.config().email();
        if (!mail.enabled() || mail.pollMillis() == 0) {
            return;
        }
        poller = Thread.ofVirtual().name("mailbox-responder").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    poll();
                } catch (RuntimeException e) {
                    // the mail server may be starting or gone: try again next round
                }
                try {
                    Thread.sleep(mail.pollMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    synchronized void stop() {
        if (poller != null) {
            poller.interrupt();
            poller = null;
        }
    }

    /** Reads every watched mailbox now; the sends found (each already given its outcome). */
    List<Send> poll() {
        SimulatorConfig config = sim.config();
        SimulatorConfig.Mail mail = config.email();
        if (!mail.enabled()) {
            throw new IllegalStateException("e-mail is off: configure email.smtpPort and email.imapPort");
        }
        List<Send> found = new ArrayList<>();
        synchronized (pollLock) {
            for (String mailbox : mailboxes(config)) {
                found.addAll(read(mail, mailbox));
            }
        }
        return found;
    }

    private Set<String> mailboxes(SimulatorConfig config) {
        SimulatorConfig.Mail mail = config.email();
        Set<String> boxes = new LinkedHashSet<>();
        mail.watch().stream().filter(w -> w.contains("@") && !w.startsWith("@") && !w.equals("*")).forEach(boxes::add);
        config.outcomes().script().keySet().stream().filter(k -> k.contains("@")).forEach(boxes::add);
        List<String> patterns = mail.watch().stream().filter(w -> w.startsWith("@") || w.equals("*")).toList();
        if (mail.greenmailApi() != null && !patterns.isEmpty()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        mail.greenmailApi().resolve("/api/user")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode user : SimulatorConfig.MAPPER.readTree(response.body())) {
                    String email = user.path("email").asText("").toLowerCase(Locale.ROOT);
                    if (patterns.stream().anyMatch(p -> p.equals("*") || email.endsWith(p))) {
                        boxes.add(email);
                    }
                }
            } catch (IOException e) {
                // GreenMail's API is not there (yet): the exact addresses are still read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return boxes;
    }

    private Session session(SimulatorConfig.Mail mail) {
        Properties props = new Properties();
        props.put("mail.imap.host", mail.imapHost());
        props.put("mail.imap.port", String.valueOf(mail.imapPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        props.put("mail.smtp.host", mail.smtpHost());
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", String.valueOf(sim.options.webhookTimeout().toMillis()));
        return Session.getInstance(props);
    }

    private List<Send> read(SimulatorConfig.Mail mail, String mailbox) {
        List<Send> found = new ArrayList<>();
        Session session = session(mail);
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(mail.imapHost(), mail.imapPort(), mailbox,
                        mail.password() == null ? mailbox : mail.password());
            } catch (AuthenticationFailedException e) {
                return found; // no mailbox yet: nothing was mailed to this contact
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    // Replies and bounces stay unread: with "*" watched, this may be the sender's own mailbox, which
                    // it reads for unread mail. Only the headers were fetched (peek), so nothing flagged them.
                    if (message.getHeader(MARK) == null) {
                        found.add(received((MimeMessage) message, mailbox));
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read " + mailbox + " over IMAP: " + e.getMessage(), e);
        }
        return found;
    }

    private Send received(MimeMessage message, String mailbox) throws MessagingException, IOException {
        String from = first(message.getFrom());
        String replyTo = first(message.getReplyTo());
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String messageId = message.getMessageID();
        String text = text(message);
        String contact = ContactKey.of(mailbox);
        Contacts.Plan plan = sim.contacts.plan(Channel.EMAIL, contact, sim.config());
        Send send = sim.record(new SendLog.SendDraft(NAME, Channel.EMAIL, null, from, mailbox, contact, "email",
                subject + "\n\n" + text, messageId, Instant.now(), 250, null, plan.outcome(), plan.afterOptOut()));
        String references = message.getHeader("References", " ");
        if (messageId != null) {
            originals.put(messageId, new Original(messageId, references, from, replyTo == null ? from : replyTo,
                    subject, message.getSentDate(), text));
        }
        sim.play(send, plan, this);
        return send;
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null
                : ((InternetAddress) addresses[0]).getAddress().toLowerCase(Locale.ROOT);
    }

    /** The first text/plain part (or the text of the first text/html part, tags removed). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent()).strip();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/html") && html == null) {
                    html = text(child);
                } else {
                    String text = text(child);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        }
        return "";
    }

    // ---------------------------------------------------------------- replies and bounces

    @Override
    public void play(Send send, Step step, Integer errorCode, String reply) {
        Original original = send.messageId() == null ? null : originals.get(send.messageId());
        if (original == null) {
            return;
        }
        switch (step) {
            case FAILED -> bounce(send.contact(), original);
            case REPLY -> reply(send.contact(), original, original.replyTo(), reply);
            default -> {
                // e-mail has no delivery receipts
            }
        }
    }

    @Override
    public Delivery status(Send send, String status, Integer errorCode) {
        Original original = send.messageId() == null ? null : originals.get(send.messageId());
        if (!status.equals("bounce") || original == null) {
            throw new IllegalArgumentException("e-mail has one status, 'bounce', for a mail the simulator read");
        }
        return bounce(send.contact(), original);
    }

    @Override
    public Delivery inbound(Inbound inbound) {
        String contact = ContactKey.of(inbound.from());
        Send last = sim.sends.lastTo(NAME, contact);
        Original original = last == null || last.messageId() == null ? null : originals.get(last.messageId());
        String to = inbound.to() != null ? inbound.to() : original == null ? null : original.replyTo();
        if (to == null) {
            throw new IllegalArgumentException("nothing was mailed to " + contact + ": give 'to' (the reply mailbox)");
        }
        return reply(contact, original, to, inbound.text());
    }

    private Delivery reply(String contact, Original original, String to, String text) {
        SimulatorConfig.Mail mail = sim.config().email();
        Session session = session(mail);
        try {
            MimeMessage message = new KeptIdMessage(session);
            message.setFrom(new InternetAddress(contact));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            String subject = original == null ? "" : original.subject();
            message.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
            message.setSentDate(new Date());
            String body = text;
            if (original != null) {
                message.setHeader("In-Reply-To", original.messageId());
                message.setHeader("References", original.references() == null ? original.messageId()
                        : original.references() + " " + original.messageId());
                body += "\n\nEm " + QUOTE_DATE.format((original.sent() == null ? new Date() : original.sent())
                        .toInstant()) + ", " + original.from() + " escreveu:\n"
                        + original.text().lines().map(l -> "> " + l).reduce((a, b) -> a + "\n" + b).orElse("> ");
            }
            message.setText(body, "UTF-8");
            message.setHeader(MARK, "reply");
            message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(contact) + ">");
            sim.heard(contact, text, NAME);
            return deliver(message, "inbound", "reply", contact, mail);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the reply: " + e.getMessage(), e);
        }
    }

    private Delivery bounce(String contact, Original original) {
        SimulatorConfig.Mail mail = sim.config().email();
        Session session = session(mail);
        String domain = domain(contact);
        String diagnostic = "550 5.1.1 <" + contact + ">: Recipient address rejected: User unknown";
        try {
            MimeMessage message = new KeptIdMessage(session);
            message.setFrom(new InternetAddress("MAILER-DAEMON@" + domain, "Mail Delivery System"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(original.from()));
            message.setSubject("Undelivered Mail Returned to Sender");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Failed-Recipients", contact);
            message.setHeader("In-Reply-To", original.messageId());
            message.setHeader("References", original.messageId());
            message.setHeader(MARK, "bounce");
            message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@mx." + domain + ">");
            MimeMultipart report = new MimeMultipart("report") {
                {
                    ContentType type = new ContentType(contentType); // multipart/report; boundary=…
                    type.setParameter("report-type", "delivery-status");
                    contentType = type.toString();
                }
            };
            MimeBodyPart human = new MimeBodyPart();
            human.setText("This is the mail system at host mx." + domain + ".\n\nI'm sorry to have to inform you"
                    + " that your message could not be delivered to one or more recipients.\n\n<" + contact
                    + ">: host mx." + domain + " said: " + diagnostic + "\n", "UTF-8");
            report.addBodyPart(human);
            report.addBodyPart(raw("message/delivery-status", "Reporting-MTA: dns; mx." + domain + "\r\n\r\n"
                    + "Final-Recipient: rfc822; " + contact + "\r\nOriginal-Recipient: rfc822; " + contact
                    + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; " + diagnostic + "\r\n"));
            report.addBodyPart(raw("text/rfc822-headers", "Message-ID: " + original.messageId() + "\r\nFrom: "
                    + original.from() + "\r\nTo: " + contact + "\r\nSubject: " + original.subject() + "\r\n"));
            message.setContent(report);
            return deliver(message, "status", "bounce", contact, mail);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the bounce: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart raw(String type, String content) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", type);
        return new MimeBodyPart(headers, content.getBytes(StandardCharsets.US_ASCII));
    }

    private Delivery deliver(MimeMessage message, String kind, String event, String contact,
                             SimulatorConfig.Mail mail) throws MessagingException, IOException {
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        URI smtp = URI.create("smtp://" + mail.smtpHost() + ":" + mail.smtpPort());
        Deliveries.Transport transport = (url, headers, body) -> {
            Session session = session(mail);
            try (InputStream in = new ByteArrayInputStream(body); Transport t = session.getTransport("smtp")) {
                MimeMessage again = new KeptIdMessage(session, in);
                t.connect(url.getHost(), url.getPort(), null, null);
                t.sendMessage(again, again.getAllRecipients());
                return 250;
            } catch (MessagingException e) {
                throw new IOException("SMTP: " + e.getMessage(), e);
            }
        };
        return sim.deliveries.deliver(new Deliveries.Outbound(NAME, kind, event, message.getMessageID(), contact, smtp,
                Map.of(), raw.toByteArray(), null, transport, null));
    }

    private static String domain(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }

    void clear() {
        originals.clear();
    }

    /** A message whose Message-ID, once set, stays (JavaMail would make a new one on every save). */
    private static final class KeptIdMessage extends MimeMessage {

        KeptIdMessage(Session session) {
            super(session);
        }

        KeptIdMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
