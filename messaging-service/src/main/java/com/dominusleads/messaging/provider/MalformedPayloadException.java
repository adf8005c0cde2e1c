package com.dominusleads.messaging.provider;

/**
 * A webhook body that passed its provider's authentication but is not what that provider sends (not JSON, or members
 * of the wrong type): answered 400, and nothing of it is applied.
 */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedPayloadException(String message) {
        super(message);
    }
}
