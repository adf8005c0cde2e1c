package com.dominusleads.servicekit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

class TraceparentTest {

    @Test
    void aSampledSpanBecomesAW3cTraceparent() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());

        assertThat(Traceparent.of(span)).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void noSpanMeansNoTraceparent() {
        assertThat(Traceparent.of(SpanContext.getInvalid())).isNull();
        assertThat(Traceparent.current()).isNull();
    }
}
