package com.dominusleads.ingestion.release;

/** Told how a download advances, so that status can show it; {@code total} is -1 when unknown. */
@FunctionalInterface
public interface DownloadProgress {

    DownloadProgress NONE = (file, done, total) -> { };

    void advanced(String file, long bytesDone, long bytesTotal);
}
