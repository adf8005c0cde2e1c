package com.dominusleads.ingestion.domain;

/**
 * Where a release stands. LOADING → READY (loaded and indexed) → LIVE (what readers see) → PREVIOUS (kept to switch
 * back to) → RETIRED (its tables dropped); FAILED when its job failed (it can be resumed by reprocessing).
 */
public enum ReleaseStatus {
    LOADING, READY, LIVE, PREVIOUS, RETIRED, FAILED
}
