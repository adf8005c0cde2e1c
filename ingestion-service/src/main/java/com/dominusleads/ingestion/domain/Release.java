package com.dominusleads.ingestion.domain;

import java.time.OffsetDateTime;

/** A Receita Federal release in the directory. */
public record Release(String id, int seq, String source, String mode, ReleaseStatus status, Long establishments,
                      Long companies, Long partners, Long quarantined, OffsetDateTime createdAt,
                      OffsetDateTime liveAt, String error) {
}
