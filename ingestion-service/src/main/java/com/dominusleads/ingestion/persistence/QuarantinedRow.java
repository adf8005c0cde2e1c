package com.dominusleads.ingestion.persistence;

/** A malformed row set aside: which line of which file, why, and the line exactly as it was. */
public record QuarantinedRow(long lineNo, String reason, String rawLine) {
}
