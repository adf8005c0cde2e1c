package com.dominusleads.host.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's consumption: credits per day over the period asked (every day listed, zero included), the month to date
 * (São Paulo calendar), and the current balance read from the ledger — or, when the ledger could not answer, why.
 */
public record UsageReport(String tenantId, LocalDate from, LocalDate to, List<Day> days, long monthToDate,
                          Long balance, Long pendingDebits, String balanceError) {

    public record Day(LocalDate day, long credits) {
    }
}
