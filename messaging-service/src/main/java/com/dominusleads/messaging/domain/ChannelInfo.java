package com.dominusleads.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A channel as its tenant sees it: settings and health, the names of its secrets but never their values.
 * {@code sentToday} counts toward {@code dailyCap} (warm-up of a new number).
 */
public record ChannelInfo(UUID id, ChannelKind kind, Provider provider, String address, String name,
                          Map<String, String> settings, List<String> secrets, int dailyCap, int perSecond,
                          String status, String connection, String quality, String lastError, Instant lastErrorAt,
                          int sentToday, Instant createdAt) {
}
