package com.dominusleads.ingestion.domain;

/** What a job does to its release: the whole ingestion, or reprocessing a part of it. */
public enum JobKind {
    INGEST, REPROCESS_FILE, REPROCESS_CHUNK, REPROCESS_UF
}
