package com.dominusleads.messaging.provider.email;

/** The names of an e-mail channel's IMAP settings and secret (its mailbox is the channel's address). */
public final class MailboxChannelKeys {

    public static final String IMAP_HOST = "imapHost";
    public static final String IMAP_PORT = "imapPort";
    public static final String IMAP_USERNAME = "imapUsername";
    /** Setting: {@code none} (default), {@code ssl} (IMAPS) or {@code starttls} (required, not opportunistic). */
    public static final String IMAP_SECURITY = "imapSecurity";
    public static final String IMAP_PASSWORD = "imapPassword";

    private MailboxChannelKeys() {
    }
}
