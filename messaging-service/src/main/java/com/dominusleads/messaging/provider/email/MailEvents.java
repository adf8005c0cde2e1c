package com.dominusleads.messaging.provider.email;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one mail of a channel's mailbox tells us: a contact's reply ({@link InboundMessage}, the quoted original cut,
 * tied to our message by In-Reply-To or References), a delivery report on one of our mails ({@link StatusUpdate}: a
 * bounce FAILED with the DSN's status code, a success report DELIVERED), or nothing: a delay report is no failure, an
 * automatic reply (RFC 3834 {@code Auto-Submitted}, an out-of-office) is not an answer, and a report that names no
 * mail of ours has nothing to update.
 * <p>
 * Our mails carry {@code Message-ID: <{message uuid}@dominusleads>}; that is how both are tied to our messages.
 */
public final class MailEvents {

    private static final Pattern OUR_MESSAGE_ID = Pattern.compile(
            "<([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})@dominusleads>");
    private static final Pattern MESSAGE_ID_HEADER = Pattern.compile("(?mi)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern ANY_STATUS = Pattern.compile("\\b([45]\\.\\d{1,3}\\.\\d{1,3})\\b");
    /** A bounce's parts are small; a mail that is not stays out of memory past this. */
    private static final int MAX_PART_CHARS = 256 * 1024;

    private final Clock clock;

    public MailEvents(Clock clock) {
        this.clock = clock;
    }

    /** The event {@code mail}, received in {@code channel}'s mailbox, stands for; empty when it is none of ours. */
    public Optional<ProviderEvent> read(Channel channel, MimeMessage mail) throws MessagingException, IOException {
        if (isDeliveryReport(mail)) {
            return deliveryReport(mail);
        }
        if (isAutomatic(mail)) {
            return Optional.empty();
        }
        return reply(channel, mail);
    }

    private Optional<ProviderEvent> reply(Channel channel, MimeMessage mail) throws MessagingException, IOException {
        Optional<String> from = sender(mail).flatMap(ContactAddress::email);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        String messageId = mail.getMessageID();
        return Optional.of(new InboundMessage(Provider.SMTP, ChannelKind.EMAIL,
                messageId != null ? messageId.trim() : syntheticId(mail), from.get(), channel.address(), text(mail),
                sentAt(mail), ourMessageId(mail).orElse(null)));
    }

    /**
     * The report on the mail named in its returned headers (a {@code text/rfc822-headers} or {@code message/rfc822}
     * part), or else by In-Reply-To/References. What happened is the {@code message/delivery-status} part's
     * ({@link RecipientReport}): failed (with its {@code 5.1.1} and diagnostic), delivered, or delayed (no event). A
     * report without one (a bare bounce from a mailer-daemon) is a failure, its status code taken from the text.
     */
    private Optional<ProviderEvent> deliveryReport(MimeMessage mail) throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        leaves(mail, parts);
        String originalId = null;
        RecipientReport report = null;
        for (Part part : parts) {
            if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                originalId = originalId != null ? originalId : first(MESSAGE_ID_HEADER, raw(part));
            } else if (report == null && part.isMimeType("message/delivery-status")) {
                report = RecipientReport.of(raw(part)).orElse(null);
            }
        }
        if (report != null && report.action() == RecipientReport.Action.DELAYED) {
            return Optional.empty();
        }
        Optional<UUID> named = ourId(originalId);
        UUID ours = named.isPresent() ? named.get() : ourMessageId(mail).orElse(null);
        if (originalId == null && ours != null) {
            originalId = "<" + ours + "@dominusleads>";
        }
        if (originalId == null) {
            return Optional.empty();
        }
        if (report != null && report.action() == RecipientReport.Action.DELIVERED) {
            return Optional.of(new StatusUpdate(Provider.SMTP, originalId, ours, DeliveryStatus.DELIVERED, null, null,
                    sentAt(mail)));
        }
        String status = report != null ? report.status() : null;
        for (Part part : parts) {
            if (status == null && part.isMimeType("text/plain")) {
                status = first(ANY_STATUS, raw(part));
            }
        }
        String diagnostic = report != null ? report.diagnostic() : null;
        return Optional.of(new StatusUpdate(Provider.SMTP, originalId, ours, DeliveryStatus.FAILED, status,
                diagnostic != null ? diagnostic : "Delivery failed", sentAt(mail)));
    }

    /** A DSN ({@code multipart/report; report-type=delivery-status}) or a bounce in another form. */
    private static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
        if (mail.getHeader("X-Failed-Recipients") != null) {
            return true;
        }
        try {
            ContentType type = new ContentType(mail.getContentType());
            if (type.match("multipart/report")
                    && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
                return true;
            }
        } catch (ParseException e) {
            // an unreadable Content-Type: judged by its sender below
        }
        String local = sender(mail).map(address -> address.substring(0, Math.max(0, address.indexOf('@'))))
                .orElse("").toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster");
    }

    /** RFC 3834 {@code Auto-Submitted} (anything but {@code no}) and the common out-of-office markers. */
    private static boolean isAutomatic(MimeMessage mail) throws MessagingException {
        String autoSubmitted = mail.getHeader("Auto-Submitted", null);
        return autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no")
                || mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null;
    }

    /** The reply's own text: its {@code text/plain} part, else its HTML reduced to text. */
    private static String text(MimeMessage mail) throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        leaves(mail, parts);
        for (Part part : parts) {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return ReplyText.fromPlain(String.valueOf(part.getContent()));
            }
        }
        for (Part part : parts) {
            if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return ReplyText.fromHtml(String.valueOf(part.getContent()));
            }
        }
        return "";
    }

    /** Our message this mail answers: In-Reply-To, else the latest of ours in References. */
    private static Optional<UUID> ourMessageId(MimeMessage mail) throws MessagingException {
        Optional<UUID> inReplyTo = ourId(mail.getHeader("In-Reply-To", " "));
        if (inReplyTo.isPresent()) {
            return inReplyTo;
        }
        String references = mail.getHeader("References", " ");
        UUID latest = null;
        if (references != null) {
            Matcher matcher = OUR_MESSAGE_ID.matcher(references);
            while (matcher.find()) {
                latest = UUID.fromString(matcher.group(1));
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Optional<UUID> ourId(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = OUR_MESSAGE_ID.matcher(header);
        return matcher.find() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    /**
     * An id for a mail without Message-ID, the same each time the mail is read (it is what deduplicates it): a hash of
     * its sender, Date and Subject headers as written.
     */
    private static String syntheticId(MimeMessage mail) throws MessagingException {
        String seed = sender(mail).orElse("") + "\n" + mail.getHeader("Date", null) + "\n"
                + mail.getHeader("Subject", null);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "<synthetic-" + HexFormat.of().formatHex(hash, 0, 16) + "@dominusleads.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Optional<String> sender(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length == 0) {
            return Optional.empty();
        }
        return Optional.of(from[0] instanceof InternetAddress internet ? internet.getAddress() : from[0].toString());
    }

    private Instant sentAt(MimeMessage mail) throws MessagingException {
        if (mail.getSentDate() != null) {
            return mail.getSentDate().toInstant();
        }
        return mail.getReceivedDate() != null ? mail.getReceivedDate().toInstant() : clock.instant();
    }

    /** The leaf parts, depth first; a returned message ({@code message/rfc822}) is a leaf, not opened. */
    private static void leaves(Part part, List<Part> into) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }

    /** A part's decoded bytes as text, whatever content handler the part's type has. */
    private static String raw(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_PART_CHARS);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
