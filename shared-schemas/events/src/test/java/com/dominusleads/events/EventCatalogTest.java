package com.dominusleads.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.events.directory.DirectoryReleaseIngested;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void everyTopicHasExactlyOneSchemaThatNamesIt() {
        assertThat(EventCatalog.schemasByTopic().keySet()).containsExactlyElementsOf(Topics.ALL);
        EventCatalog.schemasByTopic().forEach((topic, schema) ->
                assertThat(EventCatalog.topicOf(schema)).isEqualTo(topic));
        assertThat(EventCatalog.schemasByTopic().values()).extracting(Schema::getFullName).doesNotHaveDuplicates();
    }

    @Test
    void everyPublishedSchemaHasAGeneratedClassWithTheSameWireFormat() {
        EventCatalog.schemasByTopic().forEach((topic, contract) -> {
            Class<?> generated = SpecificData.get().getClass(contract);
            assertThat(generated).as("generated class of %s", topic).isNotNull();
            Schema classSchema = SpecificData.get().getSchema(generated);
            assertThat(SchemaNormalization.parsingFingerprint64(classSchema))
                    .as("wire format of %s", topic).isEqualTo(SchemaNormalization.parsingFingerprint64(contract));
        });
    }

    @Test
    void topicNamesFollowAggregateDotEvent() {
        assertThat(Topics.ALL).allMatch(topic -> topic.matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"));
    }

    @Test
    void everyRecordKeyIsARequiredStringField() {
        EventCatalog.schemasByTopic().forEach((topic, schema) -> {
            Schema.Field key = schema.getField(schema.getProp(EventCatalog.KEY_PROPERTY));
            assertThat(key).as("key field of %s", topic).isNotNull();
            assertThat(key.schema().getType()).as("key type of %s", topic).isEqualTo(Schema.Type.STRING);
        });
    }

    @Test
    void tenantScopedEventsAreKeyedByTenant() {
        CreditDebited debited = CreditDebited.newBuilder().setTenantId("acme").setDebitId("d-1").setLeadId("l-1")
                .setCredits(1).setBalanceAfter(9).setOccurredAt(Instant.EPOCH).build();

        assertThat(EventCatalog.recordKeyOf(debited)).isEqualTo("acme");
        assertThat(EventCatalog.topicOf(debited)).isEqualTo(Topics.CREDIT_DEBITED);
        assertThat(EventCatalog.schemasByTopic().entrySet()).filteredOn(e -> e.getValue().getField("tenantId") != null)
                .allSatisfy(e -> assertThat(e.getValue().getProp(EventCatalog.KEY_PROPERTY)).isEqualTo("tenantId"));
    }

    @Test
    void directoryReleasesAreKeyedByReleaseBecauseNoTenantOwnsThem() {
        DirectoryReleaseIngested release = DirectoryReleaseIngested.newBuilder().setReleaseId("2026-11")
                .setEstablishments(66_000_000L).setCompanies(67_000_000L).setQuarantinedRows(12)
                .setOccurredAt(Instant.EPOCH).build();

        assertThat(EventCatalog.recordKeyOf(release)).isEqualTo("2026-11");
    }

    @Test
    void unknownSchemaPropertiesAreRejected() {
        Schema anonymous = new Schema.Parser().parse("""
                {"type":"record","name":"Stray","fields":[{"name":"x","type":"string"}]}""");

        assertThatThrownBy(() -> EventCatalog.topicOf(anonymous)).hasMessageContaining(EventCatalog.TOPIC_PROPERTY);
    }
}
