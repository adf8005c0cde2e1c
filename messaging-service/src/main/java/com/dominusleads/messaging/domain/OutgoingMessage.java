package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message recorded for sending. Its {@code id} is the idempotency key the provider gets back with every status
 * (Meta's {@code biz_opaque_callback_data}, the Twilio status callback URL, the e-mail's Message-ID), so that a send
 * whose outcome a crash hid can be reconciled. {@code recipient} is E.164 for phones, lower-case for e-mail.
 * {@code firstTryAt} is the earliest a try of it may have reached the provider (lookups search from there), and
 * {@code triedAt} the latest (a status webhook for it may still be on its way).
 */
public record OutgoingMessage(UUID id, String tenantId, ChannelKind kind, String recipient, String subject, String body,
                              Instant firstTryAt, Instant triedAt) {
}
