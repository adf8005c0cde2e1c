package com.dominusleads.gateway.client;

/** The two places company data comes from. */
public enum Side {
    LOCAL("local-directory"),
    REMOTE("api-cnaes");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** The name in logs, metrics and circuit-breaker maintenance. */
    public String label() {
        return label;
    }
}
