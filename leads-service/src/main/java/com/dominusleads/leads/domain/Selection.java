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
 * @param funnel   how far its pre-leads got
 */
public record Selection(UUID id, String name, String status, Map<String, Object> criteria, int size,
                        Map<String, Integer> skipped, Funnel funnel, String createdBy,
                        Instant createdAt, UUID qualificationRunId, String startedBy, Instant startedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String QUALIFYING = "QUALIFYING";

    /**
     * A selection's pre-leads counted by how far they got. {@code contacted} and {@code replied} count every pre-lead
     * that got there, whatever came next; the outcomes (qualified, not interested, invalid, opted out, needs review)
     * are exclusive; {@code noAnswer} counts those contacted and silent for the tenant's {@code noAnswerDays}.
     */
    public record Funnel(int selected, int queued, int contacted, int replied, int needsReview, int qualified,
                         int notInterested, int invalid, int optedOut, int noAnswer) {
    }
}
