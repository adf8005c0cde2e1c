package com.dominusleads.messaging.provider.evolution;

/** Evolution refused an instance call (connection state, pairing, webhook): its HTTP status and message. */
public class EvolutionApiException extends RuntimeException {

    private final int status;

    public EvolutionApiException(int status, String message) {
        super("Evolution answered HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
