package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.UUID;

/** Something to do about a lead: a call, a meeting or a task, with an optional due date; done once done. */
public record Activity(UUID id, String kind, String title, Instant dueAt, Instant doneAt, String author,
                       Instant createdAt) {
}
