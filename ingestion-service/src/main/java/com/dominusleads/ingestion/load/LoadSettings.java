package com.dominusleads.ingestion.load;

/**
 * How a file is loaded: lines per chunk (the unit of commit and of resumption), and the share of malformed rows that
 * fails it, judged once enough lines were read.
 */
public record LoadSettings(int chunkLines, double maxBadRowPercent, long minLinesForBadRowCheck) {
}
