package com.dominusleads.testsupport;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail the test SMTP server ({@link TestStack#mail()}) received, read by recipient: every test class of the JVM
 * shares that server, so a test reads the mailbox of an address only it uses (e.g. with a random part).
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * One received mail. {@code text}: the plain-text part (or the HTML when there is none); {@code html}: the HTML
     * part, or {@code null}; {@code links}: every http(s) URL of either, in order, once each.
     */
    public record Mail(String from, String subject, String text, String html, List<String> links) {
    }

    private Mailbox() {
    }

    /** Every mail delivered to {@code address} so far, oldest first. */
    public static List<Mail> messagesTo(String address) {
        return TestStack.mail()
                .findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
                .map(Mailbox::read)
                .toList();
    }

    /**
     * The latest mail to {@code address}, waiting up to {@code timeout} for one to arrive. A test expecting a further
     * mail to an address that already has some waits with {@link #awaitMessagesTo} instead.
     */
    public static Mail awaitMessageTo(String address, Duration timeout) {
        return awaitMessagesTo(address, 1, timeout).getLast();
    }

    /** Every mail to {@code address}, oldest first, once there are at least {@code count}. */
    public static List<Mail> awaitMessagesTo(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mails = messagesTo(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " mail(s) to " + address + " expected within " + timeout + ", got "
                        + mails.size() + "; mailboxes that received mail: " + recipients());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mail to " + address, e);
            }
        }
    }

    /** The addresses with mail, to show which one a test expected by mistake. */
    private static List<String> recipients() {
        return TestStack.mail().getUserManager().listUser().stream().map(GreenMailUser::getEmail).sorted().toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collectText(message, text, html);
            Set<String> links = new LinkedHashSet<>();
            collectLinks(text.toString(), links);
            // In HTML an ampersand of a query string is written &amp;.
            collectLinks(html.toString().replace("&amp;", "&"), links);
            Address[] from = message.getFrom();
            return new Mail(from == null ? null : String.join(", ", Arrays.stream(from).map(Address::toString).toList()),
                    message.getSubject(),
                    text.isEmpty() ? html.toString() : text.toString(),
                    html.isEmpty() ? null : html.toString(),
                    List.copyOf(links));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a received mail: " + e.getMessage(), e);
        }
    }

    private static void collectText(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        }
    }

    private static void collectLinks(String content, Set<String> links) {
        Matcher matcher = LINK.matcher(content);
        while (matcher.find()) {
            // A sentence may end right after a link: its full stop is not part of it.
            links.add(matcher.group().replaceAll("[.,;:!?)]+$", ""));
        }
    }
}
