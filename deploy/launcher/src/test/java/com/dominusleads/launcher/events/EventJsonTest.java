package com.dominusleads.launcher.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.registry.WireFormat;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void anEventAsItTravelsBecomesOneLineOfPlainJson() throws Exception {
        PreleadSelected selected = PreleadSelected.newBuilder().setTenantId("acme").setSelectionId("s1")
                .setQualificationRunId("s1").setCnpj("11222333000181").setCompanyName("Padaria \"X\"")
                .setPhones(List.of(new ContactPhone("+5511987650001", true))).setEmails(List.of("contato@x.example"))
                .setOccurredAt(Instant.parse("2026-11-23T09:30:00.123Z")).build();
        byte[] value = WireFormat.encode(selected, 42);
        GenericRecord read = new GenericDatumReader<GenericRecord>(PreleadSelected.getClassSchema())
                .read(null, WireFormat.body(value));

        assertThat(EventJson.of(read).toString()).isEqualTo("{\"tenantId\":\"acme\",\"selectionId\":\"s1\","
                + "\"qualificationRunId\":\"s1\",\"cnpj\":\"11222333000181\",\"companyName\":\"Padaria \\\"X\\\"\","
                + "\"phones\":[{\"e164\":\"+5511987650001\",\"mobile\":true}],\"emails\":[\"contato@x.example\"],"
                + "\"occurredAt\":\"2026-11-23T09:30:00.123Z\"}");
    }
}
