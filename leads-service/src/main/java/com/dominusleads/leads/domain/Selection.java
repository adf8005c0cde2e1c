package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A saved selection of pre-leads. Free: making, reviewing and trimming it never touches credits.
 *
 * @param criteria the search filters it was filled from, or null when chosen by ids
 * @param size     how many pre-leads it holds now
 * @param skipped  companies left out when it was made, by reason ({@link SkipReason})
 * @param progress its pre-leads by status (SELECTED before qualification starts)
 */
public record Selection(UUID id, String name, String status, Map<String, Object> criteria, int size,
                        Map<String, Integer> skipped, Map<String, Integer> progress, String createdBy,
                        Instant createdAt, UUID qualificationRunId, String startedBy, Instant startedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String QUALIFYING = "QUALIFYING";
}
