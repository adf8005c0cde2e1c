package com.dominusleads.ingestion.domain;

import java.time.OffsetDateTime;

/**
 * A Receita Federal release in the directory. {@code dataSchema} is where its rows are: its own schema after a full
 * load; the schema it was applied onto after an incremental one.
 */
public record Release(String id, int seq, String source, String mode, String dataSchema, ReleaseStatus status,
                      Long establishments,
                      Long companies, Long partners, Long quarantined, OffsetDateTime createdAt,
                      OffsetDateTime liveAt, String error) {
}
