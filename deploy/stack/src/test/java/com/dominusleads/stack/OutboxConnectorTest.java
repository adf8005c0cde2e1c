package com.dominusleads.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployed connector template, rendered for one service database. */
class OutboxConnectorTest {

    private final StackHome home = new StackHome(Path.of(System.getProperty("dominus.home", "../..")));

    @Test
    void rendersEveryPlaceholderForTheServiceDatabase() {
        Map<String, String> config = OutboxConnector.render(home, "ledger", "db.internal", 6543, "ledger_cdc", "s3cret");

        assertThat(config).containsEntry("database.dbname", "ledger")
                .containsEntry("database.hostname", "db.internal")
                .containsEntry("database.port", "6543")
                .containsEntry("slot.name", "ledger_outbox")
                .containsEntry("publication.name", "ledger_outbox")
                .containsEntry("table.include.list", "public.outbox");
        assertThat(config.values()).noneMatch(value -> value.contains("{{"));
    }

    @Test
    void streamsExactlyOnceAndRoutesByEventTypeWithTheEventHeaders() {
        Map<String, String> config = OutboxConnector.render(home, "ledger", "localhost", 5432, "postgres", "");

        assertThat(config).containsEntry("exactly.once.support", "required")
                .containsEntry("snapshot.mode", "no_data")
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("transforms.outbox.route.by.field", "event_type")
                .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}")
                .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(config.get("transforms.outbox.table.fields.additional.placement"))
                .contains("event_type:header:eventType", "tenant_id:header:tenantId", "traceparent:header:traceparent");
        assertThat(OutboxConnector.nameFor("ledger")).isEqualTo("ledger-outbox");
    }
}
