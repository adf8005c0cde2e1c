package com.dominusleads.ingestion.domain;

import java.time.OffsetDateTime;

/** Work on a release (see {@link JobKind}); {@code target} names the file, chunk ({@code file#n}) or UF. */
public record Job(long id, String releaseId, JobKind kind, String target, JobStatus status, JobPhase phase,
                  String requestedBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                  String error) {
}
