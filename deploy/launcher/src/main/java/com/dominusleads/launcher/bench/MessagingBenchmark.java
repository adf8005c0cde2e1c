package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.LocalStack;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.stack.QuarkusService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code ./dominus bench messaging}: messaging-service's two hot paths on a private suite (messaging-service, Kafka,
 * Debezium, PostgreSQL, Keycloak) whose provider simulator stands in for Meta, each beside a baseline measured in the
 * same run:
 * <ol>
 * <li><b>outreach</b>, with the per-number and per-tenant rates lifted and sending hours open all week: {@code count}
 *     prelead.selected events of one tenant until the simulator has accepted as many Meta sends (every contact
 *     silent: statuses sent and delivered come back, no reply), beside the simulator sent as many messages straight
 *     from a plain HTTP client;</li>
 * <li><b>webhook ingestion</b>: signed Meta status webhooks (read) for messages the service sent, open loop at
 *     {@value #WEBHOOK_RATE} requests/s, each a look-up, a guarded state move and an outbox event; beside the same load
 *     on the channel's verification echo (same HTTP stack and channel look-up; no signature, no write).</li>
 * </ol>
 * A warm-up on a second tenant comes first in both (JIT, pools, Kafka's first transactions), as in the ledger benchmark.
 */
public final class MessagingBenchmark {

    static final double TARGET_SENDS_PER_SECOND = 500;
    static final double TARGET_WEBHOOK_P99_MILLIS = 50;
    static final int WEBHOOK_RATE = 1_000;
    /** Limits lifted: the benchmark measures the sending path, not the pacing that protects numbers from bans. */
    private static final Map<String, String> UNLIMITED = Map.of(
            "DOMINUS_MESSAGING_OUTREACH_SENDING_HOURS", "MON-SUN 00:00-24:00",
            "DOMINUS_MESSAGING_OUTREACH_LIMITS_ENABLED", "false");
    private static final String SILENT_CONTACTS = """
            {"outcomes": {"probabilities": {"interested": 0, "not_interested": 0, "opt_out": 0, "silence": 1,
                                            "invalid_number": 0}}}""";
    private static final String CHALLENGE = "1158201444";

    private final Console console;
    // HTTP/1.1 keep-alive: the JDK client would otherwise try an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public MessagingBenchmark(Console console) {
        this.console = console;
    }

    /** True when both targets are met and every webhook was answered 200. */
    public boolean run(int count, Duration warmUp, Duration measured) throws Exception {
        int warmUpCount = Math.max(1_000, count / 4);
        console.line(String.format(Locale.ROOT, "messaging benchmark: %,d prelead.selected (after %,d on another"
                + " tenant), then Meta webhooks open loop at %,d requests/s (%d s warm-up + %d s measured per run);"
                + " starting a private suite (about a minute)", count, warmUpCount, WEBHOOK_RATE, warmUp.toSeconds(),
                measured.toSeconds()));
        try (EphemeralSuite suite = EphemeralSuite.start(Map.of("messaging-service", 1), true,
                QuarkusService.JvmProfile.THROUGHPUT, UNLIMITED, line -> console.step("suite", line))) {
            EphemeralSuite.Instance service = suite.instance("messaging-service");
            ProviderSimulatorAdmin simulator = new ProviderSimulatorAdmin(http, suite.providerSimulator());
            simulator.configure(SILENT_CONTACTS);
            PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
            MetaBenchChannel acme = MetaBenchChannel.create(http, service, tokens.of("acme-admin", "dominus"),
                    simulator, "acme", "106540352242001", "+5511940000001");
            MetaBenchChannel globex = MetaBenchChannel.create(http, service, tokens.of("globex-admin", "dominus"),
                    simulator, "globex", "106540352242002", "+5511940000002");

            console.step("baseline", String.format(Locale.ROOT, "%,d Meta sends straight to the simulator", count));
            Throughput raw = RawMetaSendsRun.measure(http, simulator.base(), "106540352242009", count);
            simulator.awaitIdle(Duration.ofMinutes(2));
            simulator.reset();
            console.step("warm-up", String.format(Locale.ROOT, "%,d prelead.selected for globex (not measured)",
                    warmUpCount));
            OutreachRun.measure(suite, simulator, globex, count, warmUpCount, line -> { });
            console.step("outreach", String.format(Locale.ROOT, "%,d prelead.selected for acme → Meta sends", count));
            Throughput outreach = OutreachRun.measure(suite, simulator, acme, 0, count,
                    line -> console.step("outreach", line));

            if (!simulator.awaitIdle(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the simulator still had statuses to post after 2 minutes");
            }
            MetaStatusWebhooks warmUpStatuses = new MetaStatusWebhooks(service, globex,
                    delivered(suite, globex.tenant(), warmUpCount), "read");
            List<MetaStatusWebhooks.Sent> acmeSent = delivered(suite, acme.tenant(), count);
            MetaStatusWebhooks statuses = new MetaStatusWebhooks(service, acme, acmeSent, "read");
            int warmUpRequests = OpenLoopRun.count(WEBHOOK_RATE, warmUp);
            int measuredRequests = OpenLoopRun.count(WEBHOOK_RATE, measured);
            if (measuredRequests > acmeSent.size()) {
                console.step("webhooks", String.format(Locale.ROOT, "%,d statuses for %,d messages: the statuses after"
                        + " the first %,d repeat one already applied (a look-up that changes nothing)",
                        measuredRequests, acmeSent.size(), acmeSent.size()));
            }

            URI echo = URI.create(acme.webhookUrl(service) + "?hub.mode=subscribe&hub.verify_token="
                    + acme.verifyToken() + "&hub.challenge=" + CHALLENGE);
            OpenLoopRun.Result verification = run("GET verification echo (baseline)",
                    i -> HttpRequest.newBuilder(echo).GET(),
                    response -> response.statusCode() == 200 && response.body().equals(CHALLENGE) ? null
                            : "HTTP " + response.statusCode() + " " + response.body(), warmUp, measured);
            OpenLoopRun.Result webhooks = run("POST signed status webhook (read)",
                    i -> i < warmUpRequests ? warmUpStatuses.request(i) : statuses.request(i - warmUpRequests),
                    response -> response.statusCode() == 200 ? null
                            : "HTTP " + response.statusCode() + " " + response.body(), warmUp, measured);
            long read = count(suite, "select count(*) from message where tenant_id = ? and status = 'READ'",
                    acme.tenant());
            return report(raw, outreach, verification, webhooks, read, Math.min(measuredRequests, acmeSent.size()));
        }
    }

    private OpenLoopRun.Result run(String name, IntFunction<HttpRequest.Builder> requests,
                                   Function<HttpResponse<String>, String> problem, Duration warmUp, Duration measured)
            throws InterruptedException {
        console.step("webhooks", String.format(Locale.ROOT, "%s: %,d requests/s, %d s warm-up + %d s measured", name,
                WEBHOOK_RATE, warmUp.toSeconds(), measured.toSeconds()));
        OpenLoopRun.Result result = OpenLoopRun.measure(http, requests, problem, WEBHOOK_RATE, warmUp, measured);
        if (result.failures() > 0) {
            console.fail("webhooks", String.format(Locale.ROOT, "%s: %,d failed requests, first: %s", name,
                    result.failures(), result.firstFailure()));
        }
        return result;
    }

    /**
     * The tenant's {@code expected} sends once the service has applied their delivered statuses (the simulator has
     * posted them all; the last transactions may still be committing).
     */
    private static List<MetaStatusWebhooks.Sent> delivered(EphemeralSuite suite, String tenant, int expected)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String database = LocalStack.databaseOf("messaging-service");
        while (true) {
            List<MetaStatusWebhooks.Sent> sent = new ArrayList<>();
            try (Connection c = suite.postgres().connect(database);
                 PreparedStatement s = c.prepareStatement("select provider_message_id, address from message"
                         + " where tenant_id = ? and direction = 'OUT' and status = 'DELIVERED' order by sent_at")) {
                s.setString(1, tenant);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sent.add(new MetaStatusWebhooks.Sent(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            if (sent.size() >= expected) {
                return sent;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s: only %,d of %,d sends recorded"
                        + " DELIVERED a minute after the simulator posted their statuses", tenant, sent.size(),
                        expected));
            }
            Thread.sleep(250);
        }
    }

    private static long count(EphemeralSuite suite, String sql, String tenant) throws Exception {
        try (Connection c = suite.postgres().connect(LocalStack.databaseOf("messaging-service"));
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean report(Throughput raw, Throughput outreach, OpenLoopRun.Result verification,
                           OpenLoopRun.Result webhooks, long read, long expectedRead) {
        console.line("");
        console.table(List.of("outreach", "sends", "time", "throughput"), List.of(
                List.of("Meta API from a plain HTTP client (baseline)", String.format(Locale.ROOT, "%,d", raw.count()),
                        String.format(Locale.ROOT, "%.1f s", raw.seconds()),
                        String.format(Locale.ROOT, "%,.0f sends/s", raw.perSecond())),
                List.of("prelead.selected → accepted by Meta", String.format(Locale.ROOT, "%,d", outreach.count()),
                        String.format(Locale.ROOT, "%.1f s", outreach.seconds()),
                        String.format(Locale.ROOT, "%,.0f sends/s", outreach.perSecond())),
                List.of("ratio (service / baseline)", "", "",
                        String.format(Locale.ROOT, "%.3f", outreach.perSecond() / raw.perSecond()))));
        console.line("");
        console.table(List.of("webhooks (open loop)", "rate", "answers", "throughput", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms"), List.of(row("GET verification echo (baseline)", verification),
                row("POST signed status (read)", webhooks)));
        console.line("");
        Latencies echo = verification.latencies();
        Latencies status = webhooks.latencies();
        if (echo == null || status == null) {
            console.line("webhook target NOT measured (no answers)");
            return false;
        }
        console.line(String.format(Locale.ROOT, "status webhook p99 / verification echo p99 = %.2f× (%s − %s ms ="
                + " %s ms added by the signature check and the write); %,d of %,d messages moved to READ",
                status.p99Millis() / echo.p99Millis(), millis(status.p99Millis()), millis(echo.p99Millis()),
                millis(status.p99Millis() - echo.p99Millis()), read, expectedRead));
        boolean sendsMet = outreach.perSecond() >= TARGET_SENDS_PER_SECOND;
        boolean webhooksMet = status.p99Millis() < TARGET_WEBHOOK_P99_MILLIS
                && status.perSecond() >= WEBHOOK_RATE * 0.98 && webhooks.failures() == 0;
        console.line(String.format(Locale.ROOT, "target ≥ %,.0f sends/s through the service: %s; target webhook p99"
                + " < %,.0f ms at %,d requests/s, every one answered 200: %s", TARGET_SENDS_PER_SECOND,
                sendsMet ? "met" : "NOT met", TARGET_WEBHOOK_P99_MILLIS, WEBHOOK_RATE, webhooksMet ? "met" : "NOT met"));
        return sendsMet && webhooksMet && verification.failures() == 0;
    }

    private static List<String> row(String name, OpenLoopRun.Result result) {
        Latencies l = result.latencies();
        String rate = String.format(Locale.ROOT, "%,d /s", WEBHOOK_RATE);
        String errors = String.format(Locale.ROOT, "%,d", result.failures());
        return l == null ? List.of(name, rate, "-", "-", errors, "-", "-", "-", "-")
                : List.of(name, rate, String.format(Locale.ROOT, "%,d", l.count()),
                String.format(Locale.ROOT, "%,.0f /s", l.perSecond()), errors, millis(l.p50Millis()),
                millis(l.p95Millis()), millis(l.p99Millis()), millis(l.maxMillis()));
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }
}
