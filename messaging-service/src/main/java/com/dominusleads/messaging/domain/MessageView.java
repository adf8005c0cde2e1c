package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.UUID;

/** A message of a conversation as users see it. */
public record MessageView(UUID id, UUID conversationId, String direction, String purpose, ChannelKind kind,
                          String provider, UUID channelId, String address, String subject, String body, String status,
                          int attempt, String providerMessageId, String errorCode, String error, Instant createdAt,
                          Instant notBefore, Instant sentAt, Instant deliveredAt) {
}
