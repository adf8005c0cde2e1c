package com.dominusleads.ingestion.domain;

/** The phases of an ingestion, in order; a resumed job starts again at the phase it was in. */
public enum JobPhase {
    /** List (and download) the release's files. */
    FILES,
    /** Load every file, chunk by chunk. */
    LOAD,
    /** Make the tables durable, build the search table and the indexes. */
    INDEX,
    /** Make the release the live one. */
    SWITCH
}
