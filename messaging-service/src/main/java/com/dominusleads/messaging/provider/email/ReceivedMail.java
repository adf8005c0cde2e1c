package com.dominusleads.messaging.provider.email;

import com.dominusleads.messaging.provider.ProviderEvent;
import java.util.Optional;

/**
 * One unseen mail of a channel's INBOX, by its IMAP UID (valid within {@code uidValidity}), and what it tells us: a
 * reply, a bounce, or nothing (an auto-reply, a bounce of no message of ours, a mail that could not be read). Every
 * one is marked seen once handled, those without an event too, so that none is read again.
 */
public record ReceivedMail(long uidValidity, long uid, Optional<ProviderEvent> event) {
}
