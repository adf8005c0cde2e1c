package com.dominusleads.ingestion.release;

import java.io.IOException;

/**
 * A release file that cannot be listed, fetched or verified. The message starts with the file (or the source's
 * location when no single file is at fault) and says what was expected, what was found, and what to do next.
 */
public class ReleaseFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String fileName;

    public ReleaseFileException(String fileName, String message) {
        this(fileName, message, null);
    }

    public ReleaseFileException(String fileName, String message, Throwable cause) {
        super(fileName + ": " + message, cause);
        this.fileName = fileName;
    }

    /** The release file concerned ({@code Empresas0.zip}), or the source's location. */
    public String fileName() {
        return fileName;
    }
}
