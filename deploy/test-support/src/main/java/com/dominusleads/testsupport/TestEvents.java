package com.dominusleads.testsupport;

import com.dominusleads.events.credit.CreditDebitRejected;
import com.dominusleads.events.credit.CreditDebited;
import com.dominusleads.events.credit.CreditGranted;
import com.dominusleads.events.lead.LeadQualified;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Valid events for tests, with plausible values in the fields a test does not care about. */
public final class TestEvents {

    private TestEvents() {
    }

    public static LeadQualified leadQualified(String tenantId, String leadId) {
        return LeadQualified.newBuilder().setTenantId(tenantId).setLeadId(leadId).setCnpj("11222333000181")
                .setQualificationRunId("run-1").setScore(80).setOccurredAt(now()).build();
    }

    public static CreditGranted creditGranted(String tenantId, String grantId, long credits) {
        return CreditGranted.newBuilder().setTenantId(tenantId).setGrantId(grantId).setCredits(credits)
                .setReason("PURCHASE").setReference("Pack " + credits).setOccurredAt(now()).build();
    }

    public static CreditDebited creditDebited(String tenantId, String leadId, String debitId) {
        return CreditDebited.newBuilder().setTenantId(tenantId).setDebitId(debitId).setLeadId(leadId).setCredits(1)
                .setBalanceAfter(4).setOccurredAt(now()).build();
    }

    public static CreditDebitRejected creditDebitRejected(String tenantId, String leadId, String pendingDebitId) {
        return CreditDebitRejected.newBuilder().setTenantId(tenantId).setPendingDebitId(pendingDebitId)
                .setLeadId(leadId).setReason("INSUFFICIENT_BALANCE").setBalance(0).setOccurredAt(now()).build();
    }

    /** Millisecond precision: what an event's timestamp keeps through Avro. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
