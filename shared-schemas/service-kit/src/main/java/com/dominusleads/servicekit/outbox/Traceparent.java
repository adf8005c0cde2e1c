package com.dominusleads.servicekit.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The W3C {@code traceparent} of the current span, stored with each outbox row so a trace follows the event. */
public final class Traceparent {

    private Traceparent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} outside a sampled or valid span. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    static String of(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
