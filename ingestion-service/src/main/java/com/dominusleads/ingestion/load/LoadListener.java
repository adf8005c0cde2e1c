package com.dominusleads.ingestion.load;

/** Told when a file's load starts (its progress is then read from the chunk records). */
public interface LoadListener {

    LoadListener NONE = new LoadListener() {
    };

    default void started(String fileName, long bytesTotal, long bytesAlreadyRead) {
    }
}
