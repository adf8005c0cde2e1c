package com.dominusleads.events;

import java.util.List;
import java.util.Set;

/**
 * Kafka topic names, {@code <aggregate>.<event>}. Each topic carries exactly one Avro schema (see {@link EventCatalog}).
 */
public final class Topics {

    public static final String TENANT_CREATED = "tenant.created";
    public static final String TENANT_UPDATED = "tenant.updated";
    public static final String TENANT_SETTINGS_CHANGED = "tenant.settings-changed";
    public static final String DATA_SUBJECT_ERASURE_REQUESTED = "data-subject.erasure-requested";
    public static final String CREDIT_GRANTED = "credit.granted";
    public static final String CREDIT_DEBITED = "credit.debited";
    public static final String CREDIT_DEBIT_REJECTED = "credit.debit-rejected";
    public static final String CREDIT_BALANCE_LOW = "credit.balance-low";
    public static final String PRELEAD_SELECTED = "prelead.selected";
    public static final String LEAD_QUALIFIED = "lead.qualified";
    public static final String LEAD_STAGE_CHANGED = "lead.stage-changed";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_STATUS_CHANGED = "message.status-changed";
    public static final String MESSAGE_REPLIED = "message.replied";
    public static final String CONTACT_OPTED_OUT = "contact.opted-out";
    public static final String DIRECTORY_RELEASE_INGESTED = "directory.release-ingested";

    public static final List<String> ALL = List.of(
            TENANT_CREATED, TENANT_UPDATED, TENANT_SETTINGS_CHANGED, DATA_SUBJECT_ERASURE_REQUESTED,
            CREDIT_GRANTED, CREDIT_DEBITED, CREDIT_DEBIT_REJECTED, CREDIT_BALANCE_LOW,
            PRELEAD_SELECTED, LEAD_QUALIFIED, LEAD_STAGE_CHANGED,
            MESSAGE_SENT, MESSAGE_STATUS_CHANGED, MESSAGE_REPLIED, CONTACT_OPTED_OUT,
            DIRECTORY_RELEASE_INGESTED);

    /**
     * Topics whose events carry an aggregate's whole state, keyed by it: compacted, so the latest event of every key
     * stays forever (services rebuild the tenants' statuses from them at start).
     */
    public static final Set<String> COMPACTED = Set.of(TENANT_CREATED, TENANT_UPDATED);

    private Topics() {
    }
}
