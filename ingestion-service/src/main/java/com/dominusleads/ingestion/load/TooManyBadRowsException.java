package com.dominusleads.ingestion.load;

/** A file whose malformed rows exceed the allowed share: the job fails with this message. */
public final class TooManyBadRowsException extends Exception {

    public TooManyBadRowsException(String fileName, long bad, long lines, double maxPercent) {
        super(String.format(java.util.Locale.ROOT,
                "%s: %d of %d lines (%.2f %%) are malformed, more than the %.2f %% allowed; it is probably not a Receita"
                        + " file of the expected layout, or it is corrupted. See its quarantined rows"
                        + " (GET /api/ingestion/releases/{id}/quarantine?file=%s), fix the file, then reprocess it",
                fileName, bad, lines, 100.0 * bad / lines, maxPercent, fileName));
    }
}
