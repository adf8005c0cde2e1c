package com.dominusleads.messaging.domain;

/**
 * Where an outgoing message stands with its provider, in the order statuses may only move forward. FAILED (refused or
 * failed) and UNDELIVERED (accepted, never delivered within the time allowed) make the conversation fall back.
 */
public enum DeliveryStatus {
    SENT, DELIVERED, READ, FAILED;

    /** True when a message already at {@code current} should take this status (late or repeated ones do not). */
    public boolean advances(DeliveryStatus current) {
        if (current == null) {
            return true;
        }
        if (current == FAILED) {
            return false;
        }
        return this == FAILED ? current == SENT : ordinal() > current.ordinal();
    }
}
