package com.dominusleads.events.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.events.credit.CreditGranted;
import java.time.Instant;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final CreditGranted GRANTED = CreditGranted.newBuilder().setTenantId("acme").setGrantId("g1")
            .setCredits(100).setReason("PURCHASE").setReference("Pack 100")
            .setOccurredAt(Instant.parse("2026-11-23T09:30:00.123Z")).build();

    @Test
    void theContentIdFramesTheAvroBody() throws Exception {
        byte[] value = WireFormat.encode(GRANTED, 70_000);

        assertThat(value[0]).isZero();
        assertThat(WireFormat.contentId(value)).isEqualTo(70_000);
        CreditGranted read = new SpecificDatumReader<CreditGranted>(CreditGranted.getClassSchema(),
                CreditGranted.getClassSchema(), SpecificData.getForClass(CreditGranted.class))
                .read(null, WireFormat.body(value));
        assertThat(read).isEqualTo(GRANTED);
    }

    @Test
    void aValueInAnotherFormatIsRefused() {
        assertThatThrownBy(() -> WireFormat.contentId("{\"tenantId\":\"acme\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an Apicurio Avro value");
        assertThatThrownBy(() -> WireFormat.body(new byte[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
