package com.dominusleads.events;

import com.dominusleads.events.credit.CreditBalanceLow;
import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.events.directory.DirectoryReleaseIngested;
import com.dominusleads.events.lead.LeadQualified;
import com.dominusleads.events.lead.LeadStageChanged;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.message.ContactOptedOut;
import com.dominusleads.events.message.MessageReplied;
import com.dominusleads.events.message.MessageSent;
import com.dominusleads.events.message.MessageStatusChanged;
import com.dominusleads.events.tenant.DataSubjectErasureRequested;
import com.dominusleads.events.tenant.TenantCreated;
import com.dominusleads.events.tenant.TenantSettingsChanged;
import com.dominusleads.events.tenant.TenantUpdated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event type: its topic and Avro schema. The topic and the record-key field are properties of the schema
 * itself ({@code dominus.topic}, {@code dominus.key}), so partners reading the registry see the same rule.
 */
public final class EventCatalog {

    /** Schema property naming the topic the schema belongs to. */
    public static final String TOPIC_PROPERTY = "dominus.topic";
    /** Schema property naming the field whose value is the Kafka record key. */
    public static final String KEY_PROPERTY = "dominus.key";

    private static final List<Class<? extends SpecificRecord>> TYPES = List.of(
            TenantCreated.class, TenantUpdated.class, TenantSettingsChanged.class, DataSubjectErasureRequested.class,
            CreditGranted.class, CreditDebited.class, CreditDebitRejected.class, CreditBalanceLow.class,
            PreleadSelected.class, LeadQualified.class, LeadStageChanged.class,
            MessageSent.class, MessageStatusChanged.class, MessageReplied.class, ContactOptedOut.class,
            DirectoryReleaseIngested.class);

    private static final Map<String, Schema> BY_TOPIC = index();

    private EventCatalog() {
    }

    /** Topic → value schema, in {@link Topics#ALL} order. */
    public static Map<String, Schema> schemasByTopic() {
        return BY_TOPIC;
    }

    public static Optional<Schema> schemaOf(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    /** The topic an event is published on. */
    public static String topicOf(SpecificRecord event) {
        return topicOf(event.getSchema());
    }

    public static String topicOf(Schema schema) {
        String topic = schema.getProp(TOPIC_PROPERTY);
        if (topic == null) {
            throw new IllegalArgumentException(schema.getFullName() + " has no " + TOPIC_PROPERTY + " property");
        }
        return topic;
    }

    /**
     * The record key: the tenant id (per-tenant ordering) unless the schema names another field, as
     * {@code directory.release-ingested} does with its release id.
     */
    public static String recordKeyOf(SpecificRecord event) {
        Schema schema = event.getSchema();
        String field = schema.getProp(KEY_PROPERTY);
        Schema.Field keyField = field == null ? null : schema.getField(field);
        if (keyField == null) {
            throw new IllegalArgumentException(schema.getFullName() + " names no valid " + KEY_PROPERTY + " field");
        }
        Object key = event.get(keyField.pos());
        if (key == null) {
            throw new IllegalArgumentException(schema.getFullName() + "." + field + " (the record key) is null");
        }
        return key.toString();
    }

    private static Map<String, Schema> index() {
        Map<String, Schema> byTopic = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : TYPES) {
            Schema schema = SpecificData.get().getSchema(type);
            byTopic.put(topicOf(schema), schema);
        }
        Map<String, Schema> ordered = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            Schema schema = byTopic.get(topic);
            if (schema == null) {
                throw new IllegalStateException("No schema declares " + TOPIC_PROPERTY + "=" + topic);
            }
            ordered.put(topic, schema);
        }
        return Collections.unmodifiableMap(ordered);
    }
}
