package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.UUID;

public record Note(UUID id, String author, String text, Instant createdAt) {
}
