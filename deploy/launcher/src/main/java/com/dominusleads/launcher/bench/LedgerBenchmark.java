package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.stack.QuarkusService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dominus bench ledger}: sustained qualified → debited throughput and end-to-end latency on a private suite
 * (leads-service, ledger-service, Debezium, Kafka, PostgreSQL, Keycloak), printed beside a raw Kafka
 * produce → consume run of the same count on the same broker, measured in the same run.
 */
public final class LedgerBenchmark {

    static final double TARGET_PER_SECOND = 1_000;
    static final double TARGET_P99_MILLIS = 2_000;

    private final Console console;

    public LedgerBenchmark(Console console) {
        this.console = console;
    }

    /** Offers {@code count} leads at {@code rate} per second; true when the targets are met. */
    public boolean run(int count, int rate) throws Exception {
        console.line(String.format("ledger benchmark: %,d qualified leads offered at %,d /s; starting a private suite"
                + " (about a minute)", count, rate));
        Map<String, Integer> instances = new LinkedHashMap<>();
        instances.put("leads-service", 1);
        instances.put("ledger-service", 1);
        try (EphemeralSuite suite = EphemeralSuite.start(instances, true, QuarkusService.JvmProfile.THROUGHPUT, line -> console.step("suite", line))) {
            console.step("baseline", String.format("raw Kafka produce → consume of %,d records", count));
            Latencies raw = RawKafkaRun.measure(suite.kafkaBootstrap(), count);
            console.step("pipeline", String.format("%,d leads: qualified → lead.qualified → debit → credit.debited", count));
            // JIT compilation, connection pools and Kafka's first transactions are paid by a warm-up on another
            // tenant, as JMH warms up before it measures; only the steady state that follows is reported.
            int warmUp = Math.max(2_000, count / 5);
            console.step("warm-up", String.format("%,d leads (not measured)", warmUp));
            QualifiedToDebitedRun.measure(suite, "globex", warmUp, rate, line -> { });
            Latencies pipeline = QualifiedToDebitedRun.measure(suite, "acme", count, rate,
                    line -> console.step("pipeline", line));

            console.line("");
            console.table(List.of("run", "count", "throughput", "p50", "p99"), List.of(
                    row("raw Kafka produce → consume", raw),
                    row("qualified → debited", pipeline),
                    List.of("ratio (pipeline / raw)", "",
                            String.format("%.3f", pipeline.perSecond() / raw.perSecond()),
                            String.format("%.1f×", pipeline.p50Millis() / raw.p50Millis()),
                            String.format("%.1f×", pipeline.p99Millis() / raw.p99Millis()))));
            boolean throughputMet = pipeline.perSecond() >= TARGET_PER_SECOND;
            boolean latencyMet = pipeline.p99Millis() < TARGET_P99_MILLIS;
            console.line("");
            console.line(String.format("target ≥ %,.0f leads/s sustained: %s; target p99 < %,.0f ms: %s",
                    TARGET_PER_SECOND, throughputMet ? "met" : "NOT met", TARGET_P99_MILLIS, latencyMet ? "met" : "NOT met"));
            return throughputMet && latencyMet;
        }
    }

    private static List<String> row(String name, Latencies run) {
        return List.of(name, String.format("%,d", run.count()), String.format("%,.0f /s", run.perSecond()),
                String.format("%,.0f ms", run.p50Millis()), String.format("%,.0f ms", run.p99Millis()));
    }
}
