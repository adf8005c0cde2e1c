package com.dominusleads.ingestion.load;

/** A job cannot go on for a reason the operator must act on; the message says what to do. */
public final class JobFailure extends Exception {

    public JobFailure(String message) {
        super(message);
    }
}
