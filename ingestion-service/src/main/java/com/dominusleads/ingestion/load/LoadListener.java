package com.dominusleads.ingestion.load;

/** Told how a file's load advances (progress display, metrics). */
public interface LoadListener {

    LoadListener NONE = new LoadListener() {
    };

    default void started(String fileName, long bytesTotal, long bytesAlreadyRead) {
    }

    default void chunkCommitted(String fileName, int rows, int quarantined, long bytesRead) {
    }
}
