package com.dominusleads.messaging.provider.email;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.provider.ProviderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Reads the replies and bounces that reach an e-mail channel's mailbox, over IMAP (Angus Mail), with the channel's own
 * server and credentials. Blocking: call it from a worker thread.
 * <p>
 * A mail is taken while it is unseen, and flagged {@code \Seen} only by {@link #markSeen}, which the caller invokes
 * after it stored the events: a crash in between makes the next poll read those mails again, and the events'
 * Message-IDs (deduplicated where they are stored) make that harmless. {@link #poll} itself opens the folder read-only,
 * so that reading a mail does not flag it. Nothing is cached: each call logs in and out.
 */
@ApplicationScoped
public class MailboxReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class);
    private static final String CONNECT_TIMEOUT_MILLIS = "10000";
    private static final String READ_TIMEOUT_MILLIS = "30000";

    private final MailEvents events;

    public MailboxReader() {
        this(Clock.systemUTC());
    }

    public MailboxReader(Clock clock) {
        this.events = new MailEvents(clock);
    }

    /**
     * The oldest {@code max} unseen mails of the channel's INBOX, each with its event.
     *
     * @throws MailboxUnavailableException when the mailbox cannot be opened or read
     */
    public List<ReceivedMail> poll(Channel channel, int max) {
        try (Store store = connect(channel)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                long uidValidity = ((UIDFolder) inbox).getUIDValidity();
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.stream(unseen).sorted(Comparator.comparingInt(Message::getMessageNumber))
                        .limit(max).toArray(Message[]::new);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                inbox.fetch(batch, profile);
                List<ReceivedMail> mails = new ArrayList<>(batch.length);
                for (Message message : batch) {
                    long uid = ((UIDFolder) inbox).getUID(message);
                    mails.add(new ReceivedMail(uidValidity, uid, read(channel, uid, (MimeMessage) message)));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(channel.id(), e);
        }
    }

    /**
     * Flags {@code mails} (from {@link #poll}) {@code \Seen}. When the mailbox's UIDVALIDITY changed since (it was
     * recreated), its UIDs name other mails: nothing is flagged, and those mails are read again.
     *
     * @throws MailboxUnavailableException when the mailbox cannot be opened or updated
     */
    public void markSeen(Channel channel, Collection<ReceivedMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        try (Store store = connect(channel)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                long uidValidity = ((UIDFolder) inbox).getUIDValidity();
                long[] uids = mails.stream().filter(mail -> mail.uidValidity() == uidValidity)
                        .mapToLong(ReceivedMail::uid).toArray();
                if (uids.length < mails.size()) {
                    LOG.warnf("Mailbox of channel %s was recreated (UIDVALIDITY %d): %d mails are read again",
                            channel.id(), uidValidity, mails.size() - uids.length);
                }
                Message[] found = Arrays.stream(((UIDFolder) inbox).getMessagesByUID(uids))
                        .filter(message -> message != null).toArray(Message[]::new);
                inbox.setFlags(found, new Flags(Flags.Flag.SEEN), true);
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(channel.id(), e);
        }
    }

    /**
     * A mail that cannot be read (broken MIME, a charset Java lacks) gives no event, and is still marked seen: read
     * again, it would fail again at every poll.
     */
    private Optional<ProviderEvent> read(Channel channel, long uid, MimeMessage message) {
        try {
            return events.read(channel, message);
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warnf("Mail %d of channel %s cannot be read, skipped: %s", uid, channel.id(), e.toString());
            return Optional.empty();
        }
    }

    private static Store connect(Channel channel) throws MessagingException {
        String security = channel.setting(EmailChannelKeys.IMAP_SECURITY, "none").toLowerCase(Locale.ROOT);
        String protocol = security.equals("ssl") ? "imaps" : "imap";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(prefix + "host", channel.setting(EmailChannelKeys.IMAP_HOST));
        properties.put(prefix + "port", channel.setting(EmailChannelKeys.IMAP_PORT,
                protocol.equals("imaps") ? "993" : "143"));
        properties.put(prefix + "connectiontimeout", CONNECT_TIMEOUT_MILLIS);
        properties.put(prefix + "timeout", READ_TIMEOUT_MILLIS);
        properties.put(prefix + "peek", "true");   // reading a body must not flag it \Seen: markSeen does
        switch (security) {
            case "ssl" -> properties.put(prefix + "ssl.checkserveridentity", "true");
            case "starttls" -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");   // never fall back to a clear-text login
            }
            case "none" -> {
            }
            default -> throw new MessagingException("unknown imapSecurity " + security
                    + " (none, ssl or starttls)");
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(channel.setting(EmailChannelKeys.IMAP_USERNAME),
                channel.secret(EmailChannelKeys.IMAP_PASSWORD));
        return store;
    }
}
