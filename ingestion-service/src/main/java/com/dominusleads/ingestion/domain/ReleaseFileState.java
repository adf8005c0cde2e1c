package com.dominusleads.ingestion.domain;

import java.time.OffsetDateTime;

/** How far the load of one release file is. */
public record ReleaseFileState(String name, String kind, Long sizeBytes, String status, long rowsLoaded,
                               long rowsQuarantined, long linesRead, Long bytesTotal, long bytesRead,
                               OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {
}
