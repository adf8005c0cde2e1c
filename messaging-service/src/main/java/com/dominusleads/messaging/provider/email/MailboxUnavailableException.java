package com.dominusleads.messaging.provider.email;

import java.util.UUID;

/**
 * A channel's mailbox could not be read or updated (unreachable server, refused login, folder missing). The message
 * names the channel and the server's answer, never the credentials.
 */
public class MailboxUnavailableException extends RuntimeException {

    public MailboxUnavailableException(UUID channelId, Exception cause) {
        super("mailbox of channel " + channelId + " unavailable: " + cause.getMessage(), cause);
    }
}
