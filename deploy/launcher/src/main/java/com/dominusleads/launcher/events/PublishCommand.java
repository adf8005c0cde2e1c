package com.dominusleads.launcher.events;

import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.Topics;
import com.dominusleads.events.kafka.RawEventProducer;
import com.dominusleads.events.registry.WireFormat;
import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.LocalStack;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code ./dominus publish <topic> [options]}: one event written to the running stack's Kafka as a service would
 * publish it (the topic's registered schema, its record key, an id header), standing in for a producer the suite does
 * not have yet, e.g. the selection of companies that starts outreach.
 */
public final class PublishCommand {

    public static final String USAGE = "usage: " + PreleadSelectedOptions.USAGE + "\n       "
            + TenantSettingsOptions.USAGE;

    private final LocalStack stack;
    private final Console console;

    public PublishCommand(LocalStack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    /** Exit status: 0 published, 2 bad arguments (failures of the stack are thrown). */
    public int run(List<String> args) {
        SpecificRecord event;
        try {
            event = event(args);
        } catch (IllegalArgumentException e) {
            console.fail("publish", e.getMessage());
            console.line(USAGE);
            return 2;
        }
        StackEvents events = new StackEvents(stack).requireRunning();
        String topic = EventCatalog.topicOf(event);
        // The contract as published (not the generated class's schema, which adds Java-only properties): found by
        // content, it is the version up registered, as the services' encoders resolve it.
        long contentId = events.registry().register(topic, EventCatalog.schemaOf(topic).orElseThrow().toString())
                .contentId();
        UUID id = UUID.randomUUID();
        try (RawEventProducer producer = new RawEventProducer(events.bootstrap())) {
            producer.send(topic, EventCatalog.recordKeyOf(event), WireFormat.encode(event, contentId), id);
        }
        console.ok("publish", topic + " for " + EventCatalog.recordKeyOf(event) + ", event id " + id);
        return 0;
    }

    /** The event {@code args} describe: the topic, then its options. */
    static SpecificRecord event(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("which event? " + Topics.PRELEAD_SELECTED + " or "
                    + Topics.TENANT_SETTINGS_CHANGED);
        }
        List<String> options = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case Topics.PRELEAD_SELECTED -> PreleadSelectedOptions.parse(options);
            case Topics.TENANT_SETTINGS_CHANGED -> TenantSettingsOptions.parse(options);
            default -> throw new IllegalArgumentException("cannot publish " + args.getFirst() + ": only "
                    + Topics.PRELEAD_SELECTED + " and " + Topics.TENANT_SETTINGS_CHANGED
                    + " (their producers are not built yet); the services publish the others");
        };
    }
}
