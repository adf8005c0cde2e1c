package com.dominusleads.events.registry;

/** The registry refused a schema version because it breaks the BACKWARD compatibility rule. */
public final class IncompatibleSchemaException extends RuntimeException {

    private final String topic;

    public IncompatibleSchemaException(String topic, String violation) {
        super("The new schema of " + topic + " is not BACKWARD compatible with the registered one: " + violation
                + ". Add a default to new fields, keep field types, or publish a new topic.");
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
