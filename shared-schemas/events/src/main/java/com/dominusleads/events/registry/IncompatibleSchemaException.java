package com.dominusleads.events.registry;

/** The registry refused a schema version because it breaks the BACKWARD compatibility rule. */
public final class IncompatibleSchemaException extends RuntimeException {

    public IncompatibleSchemaException(String topic, String violation) {
        super("The new schema of " + topic + " is not BACKWARD compatible with the registered versions: " + violation
                + ". Add a default to new fields, keep field types, or publish a new topic.");
    }
}
