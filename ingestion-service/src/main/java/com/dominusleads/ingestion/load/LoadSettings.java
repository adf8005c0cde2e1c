package com.dominusleads.ingestion.load;

/**
 * How files are loaded: lines per chunk (the unit of commit and of resumption), the share of malformed rows that
 * fails a file, and the number of files loaded at once.
 */
public record LoadSettings(int chunkLines, double maxBadRowPercent, long minLinesForBadRowCheck, int workers) {
}
