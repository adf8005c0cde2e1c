package com.dominusleads.servicekit.outbox;

/**
 * An event cannot be encoded yet: the registry has not told this service its schema's content id. It passes once
 * the registry answers, so whoever writes the event retries rather than giving up on it.
 */
public class SchemasNotResolvedException extends RuntimeException {

    public SchemasNotResolvedException(String message) {
        super(message);
    }
}
