package com.dominusleads.host.domain;

import com.dominusleads.host.client.LedgerBalances;
import com.dominusleads.host.persistence.UsageStore;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds usage reports from the daily usage kept here and the balance kept by the ledger. */
@ApplicationScoped
public class TenantUsage {

    /** The longest period one report covers (a year, leap day included). */
    public static final int MAX_DAYS = 366;

    private final TenantTransactions transactions;
    private final UsageStore usage;

    public TenantUsage(TenantTransactions transactions, UsageStore usage) {
        this.transactions = transactions;
        this.usage = usage;
    }

    /**
     * The report of {@code tenantId} from {@code from} to {@code to} (inclusive, validated by the caller), read in a
     * transaction scoped to that tenant; the balance is read meanwhile.
     */
    public Uni<UsageReport> report(String tenantId, LocalDate from, LocalDate to, Uni<LedgerBalances.Reading> balance) {
        LocalDate today = UsageDay.today();
        LocalDate monthStart = today.withDayOfMonth(1);
        Uni<Stored> stored = transactions.forTenant(tenantId, tx -> usage.days(tx, tenantId, from, to)
                .chain(days -> usage.total(tx, tenantId, monthStart, today).map(total -> new Stored(days, total))));
        return Uni.combine().all().unis(stored, balance).asTuple().map(both -> {
            LedgerBalances.Reading reading = both.getItem2();
            return new UsageReport(tenantId, from, to, series(from, to, both.getItem1().days()),
                    both.getItem1().monthToDate(), reading.balance(), reading.pendingDebits(), reading.error());
        });
    }

    private record Stored(Map<LocalDate, Long> days, long monthToDate) {
    }

    private static List<UsageReport.Day> series(LocalDate from, LocalDate to, Map<LocalDate, Long> days) {
        List<UsageReport.Day> series = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            series.add(new UsageReport.Day(day, days.getOrDefault(day, 0L)));
        }
        return series;
    }
}
