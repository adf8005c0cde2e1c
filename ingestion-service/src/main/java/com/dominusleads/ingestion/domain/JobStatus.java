package com.dominusleads.ingestion.domain;

public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
