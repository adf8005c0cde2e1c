package com.dominusleads.messaging.provider.email;

import java.util.Set;

/**
 * The names of an e-mail channel's settings and secrets: the SMTP server it sends through and the IMAP mailbox replies
 * are read from (the channel's address), and which of them a channel must have.
 */
public final class EmailChannelKeys {

    /** Setting: the SMTP server's host. */
    public static final String HOST = "host";
    /** Setting: its port; by default 25, 587 with STARTTLS, 465 with SSL. */
    public static final String PORT = "port";
    /** Setting: {@code none} (the default), {@code starttls} or {@code ssl}. */
    public static final String SECURITY = "security";
    /** Setting (optional): the SMTP user; without it, no authentication. */
    public static final String USERNAME = "username";
    /** Setting (optional): the name shown in {@code From}. */
    public static final String FROM_NAME = "fromName";
    /** Secret (optional): the SMTP password. */
    public static final String PASSWORD = "password";
    public static final String IMAP_HOST = "imapHost";
    public static final String IMAP_PORT = "imapPort";
    public static final String IMAP_USERNAME = "imapUsername";
    /** Setting: {@code none} (default), {@code ssl} (IMAPS) or {@code starttls} (required, not opportunistic). */
    public static final String IMAP_SECURITY = "imapSecurity";
    /** Secret: the IMAP password. */
    public static final String IMAP_PASSWORD = "imapPassword";

    public static final Set<String> REQUIRED_SETTINGS = Set.of(HOST, PORT);
    public static final Set<String> REQUIRED_SECRETS = Set.of();

    private EmailChannelKeys() {
    }
}
