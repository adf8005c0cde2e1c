package com.dominusleads.launcher.bench;

import com.dominusleads.events.Cnpj;
import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.ingest.IngestionWatch;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.simulator.SimulatorOptions;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ./dominus bench gateway}: what cnaes-gateway adds to a company lookup it answers from its cache. A private
 * suite runs ingestion-service, holding a small synthetic directory, and the gateway, whose remote api-cnaes is a
 * simulator in this JVM. 2,000 CNPJs the directory lacks are fetched once through the gateway (remote, then cached);
 * then open-loop runs:
 * <ol>
 * <li>the directory asked directly for 2,000 of its CNPJs (the baseline), and the gateway asked for the cached ones, both
 *     at {@value #COMPARE_RATE} requests/s: the ratio and the p99 the gateway adds. Not at 1,000/s: on a 2-core machine
 *     that also runs the load, Kafka, Connect, Keycloak and the gateway, the directory's company document (partners
 *     and labels joined in PostgreSQL) saturates below that, and a saturated baseline measures its queue, not its
 *     latency;</li>
 * <li>the gateway's cache hits at {@value #RATE_PER_SECOND} requests/s: throughput and p99 at the rate;</li>
 * <li>the gateway asked for the directory's CNPJs at {@value #COMPARE_RATE} requests/s (answered locally, for
 *     information).</li>
 * </ol>
 */
public final class GatewayBenchmark {

    static final double TARGET_ADDED_P99_MILLIS = 5;
    static final int RATE_PER_SECOND = 1_000;
    static final int COMPARE_RATE = 500;
    private static final long ESTABLISHMENTS = 20_000;
    private static final int CNPJS = 2_000;
    private static final String DIRECTORY_KEY = "local-directory-key";
    private static final String GATEWAY_KEY = "bench-gateway-key";
    private static final String REMOTE_KEY = "bench-remote-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Console console;
    private final Path cache;
    // HTTP/1.1 keep-alive: the JDK client would otherwise try an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public GatewayBenchmark(Console console, Path cache) {
        this.console = console;
        this.cache = cache;
    }

    /** True when the target is met and every request was answered as expected. */
    public boolean run(long seed, Duration warmUp, Duration measured) throws Exception {
        Path release = BenchReleases.synthetic(console, cache, ESTABLISHMENTS, seed);
        console.line(String.format(Locale.ROOT, "gateway benchmark: a directory of %,d establishments, open loop at %,d"
                + " and %,d requests/s (%d s warm-up + %d s measured per run); starting a private suite and ingesting it"
                + " first", ESTABLISHMENTS, COMPARE_RATE, RATE_PER_SECOND, warmUp.toSeconds(), measured.toSeconds()));
        try (EphemeralSuite suite = EphemeralSuite.start(Map.of("ingestion-service", 1), true,
                QuarkusService.JvmProfile.THROUGHPUT, line -> console.step("suite", line));
             ApiCnaesSimulator remote = ApiCnaesSimulator.start(0,
                     SimulatorOptions.of(seed, REMOTE_KEY).withUnknownCnpjShare(0))) {
            EphemeralSuite.Instance directory = suite.instance("ingestion-service");
            if (!ingest(suite, directory, release)) {
                return false;
            }
            console.ok("remote", "api-cnaes simulator in this JVM at " + remote.apiUri() + "; starting the gateway");
            EphemeralSuite.Instance gateway = suite.add("cnaes-gateway", Map.of(
                    "DOMINUS_GATEWAY_LOCAL_URL", directory.url("/v1").toString(),
                    "DOMINUS_GATEWAY_LOCAL_API_KEY", DIRECTORY_KEY,
                    "DOMINUS_GATEWAY_REMOTE_URL", remote.apiUri().toString(),
                    "DOMINUS_GATEWAY_REMOTE_API_KEYS", REMOTE_KEY,
                    "DOMINUS_GATEWAY_API_KEYS", GATEWAY_KEY));

            // The release's event clears the gateway's cache when it arrives: warm the cache after it, not before.
            if (!releaseApplied(gateway, Duration.ofMinutes(2))) {
                console.fail("gateway", "did not apply directory.release-ingested to its cache within 2 minutes");
                return false;
            }
            List<String> local;
            List<String> remoteOnly;
            try (Connection c = suite.postgres().connect("ingestion")) {
                local = localCnpjs(c);
                remoteOnly = remoteOnlyCnpjs(c, new Random(seed));
            }
            String wrong = warm(gateway, remoteOnly);
            if (wrong != null) {
                console.fail("warm", wrong);
                return false;
            }
            console.ok("warm", String.format(Locale.ROOT, "%,d CNPJs the directory lacks fetched through the gateway"
                    + " (source remote), and answered from its cache next (source cache)", remoteOnly.size()));
            long remoteCalls = remote.calls().count(CallLog.Kind.COMPANY);

            String[] directoryHeaders = {"X-API-KEY", DIRECTORY_KEY};
            String[] gatewayHeaders = {"X-API-KEY", GATEWAY_KEY};
            List<Run> runs = new ArrayList<>();
            runs.add(run("directory, direct (baseline)", urls(directory, local), directoryHeaders, null, COMPARE_RATE,
                    warmUp, measured));
            runs.add(run("gateway, cache hit", urls(gateway, remoteOnly), gatewayHeaders, "cache", COMPARE_RATE,
                    warmUp, measured));
            runs.add(run("gateway, cache hit", urls(gateway, remoteOnly), gatewayHeaders, "cache", RATE_PER_SECOND,
                    warmUp, measured));
            runs.add(run("gateway, local directory", urls(gateway, local), gatewayHeaders, "local", COMPARE_RATE,
                    warmUp, measured));
            long extraRemoteCalls = remote.calls().count(CallLog.Kind.COMPANY) - remoteCalls;
            return report(runs, extraRemoteCalls);
        }
    }

    private boolean ingest(EphemeralSuite suite, EphemeralSuite.Instance directory, Path release) throws Exception {
        PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
        IngestionClient client = new IngestionClient(directory.url("/"), () -> tokens.of("operator", "operator"));
        String releaseId = "gateway-bench";
        long job = client.ingest(releaseId, release.toString()).path("job").path("id").asLong();
        new IngestionWatch(client, console).follow(releaseId, job);
        if (!client.job(job).path("status").asText().equals("SUCCEEDED")) {
            console.fail("ingest", client.job(job).path("error").asText());
            return false;
        }
        return true;
    }

    /** True once the gateway's metrics show it applied a release event to its cache. */
    private boolean releaseApplied(EphemeralSuite.Instance gateway, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(gateway.url("/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // e.g. "gateway_cache_invalidations_total 1.0 # {span_id=…} 1.0 …" (the exemplar is optional)
            if (metrics.lines().map(line -> line.split(" "))
                    .anyMatch(f -> f.length > 1 && f[0].equals("gateway_cache_invalidations_total")
                            && Double.parseDouble(f[1]) >= 1)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** A fixed sample of the live directory's CNPJs (hash order: spread over roots and UFs). */
    private static List<String> localCnpjs(Connection c) throws SQLException {
        List<String> cnpjs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select cnpj from directory.establishment order by md5(cnpj) limit " + CNPJS);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                cnpjs.add(rs.getString(1));
            }
        }
        if (cnpjs.size() < CNPJS) {
            throw new IllegalStateException("the directory holds only " + cnpjs.size() + " establishments");
        }
        return cnpjs;
    }

    /** Valid CNPJs, drawn at random, that the directory does not hold: the gateway must ask the remote for them. */
    private static List<String> remoteOnlyCnpjs(Connection c, Random random) throws SQLException {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < CNPJS) {
            Set<String> candidates = new LinkedHashSet<>();
            while (candidates.size() < CNPJS) {
                candidates.add(Cnpj.withCheckDigits(String.format(Locale.ROOT, "%08d0001",
                        random.nextInt(100_000_000))).value());
            }
            try (PreparedStatement s = c.prepareStatement("select cnpj from directory.establishment where cnpj = any(?)")) {
                s.setArray(1, c.createArrayOf("text", candidates.toArray()));
                Set<String> known = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
                candidates.stream().filter(cnpj -> !known.contains(cnpj)).limit(CNPJS - chosen.size())
                        .forEach(chosen::add);
            }
        }
        return List.copyOf(chosen);
    }

    /** Each CNPJ asked twice: the first answer must come from the remote, the second from the cache; null when so. */
    private String warm(EphemeralSuite.Instance gateway, List<String> cnpjs) throws Exception {
        int done = 0;
        for (String cnpj : cnpjs) {
            for (String expected : List.of("remote", "cache")) {
                HttpRequest request = HttpRequest.newBuilder(gateway.url("/v1/companies/" + cnpj))
                        .timeout(Duration.ofSeconds(30)).header("X-API-KEY", GATEWAY_KEY).GET().build();
                String wrong = problem(http.send(request, HttpResponse.BodyHandlers.ofString()), expected);
                if (wrong != null) {
                    return "GET /v1/companies/" + cnpj + " through the gateway: " + wrong;
                }
            }
            if (++done % 500 == 0) {
                console.progress("warm", done, cnpjs.size(), String.format(Locale.ROOT, "%,d CNPJs", done));
            }
        }
        console.endProgress();
        return null;
    }

    /** One measured run, and what it was asked. */
    private record Run(String name, int rate, OpenLoopRun.Result result) {
    }

    private Run run(String name, List<URI> targets, String[] headers, String source, int rate, Duration warmUp,
                    Duration measured) throws InterruptedException {
        console.step("run", String.format(Locale.ROOT, "%s: %,d requests/s, %d s warm-up + %d s measured", name,
                rate, warmUp.toSeconds(), measured.toSeconds()));
        Function<HttpResponse<String>, String> problem = response -> problem(response, source);
        OpenLoopRun.Result result = OpenLoopRun.measure(http, targets, headers, problem, rate, warmUp, measured);
        if (result.failures() > 0) {
            console.fail("run", String.format(Locale.ROOT, "%s: %,d failed requests, first: %s", name,
                    result.failures(), result.firstFailure()));
        }
        return new Run(name, rate, result);
    }

    /** What is wrong with an answer: not a 200, or (for the gateway) not from the {@code source} expected; else null. */
    private static String problem(HttpResponse<String> response, String source) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + " " + response.body();
        }
        if (source == null) {
            return null;
        }
        try {
            String actual = JSON.readTree(response.body()).path("source").asText();
            return actual.equals(source) ? null : "source " + (actual.isEmpty() ? "missing" : actual)
                    + ", expected " + source;
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
    }

    /** The CNPJs' company URLs on {@code instance}, shuffled (a fixed order, so every run asks the same). */
    private static List<URI> urls(EphemeralSuite.Instance instance, List<String> cnpjs) {
        List<URI> urls = new ArrayList<>(cnpjs.stream().map(cnpj -> instance.url("/v1/companies/" + cnpj)).toList());
        Collections.shuffle(urls, new Random(42));
        return urls;
    }

    private boolean report(List<Run> runs, long extraRemoteCalls) {
        List<List<String>> rows = new ArrayList<>();
        for (Run run : runs) {
            Latencies l = run.result().latencies();
            String rate = String.format(Locale.ROOT, "%,d /s", run.rate());
            rows.add(l == null ? List.of(run.name(), rate, "-", "-", String.format(Locale.ROOT, "%,d",
                    run.result().failures()), "-", "-", "-", "-") : List.of(run.name(), rate,
                    String.format(Locale.ROOT, "%,d", l.count()),
                    String.format(Locale.ROOT, "%,.0f /s", l.perSecond()),
                    String.format(Locale.ROOT, "%,d", run.result().failures()), millis(l.p50Millis()),
                    millis(l.p95Millis()), millis(l.p99Millis()), millis(l.maxMillis())));
        }
        console.line("");
        console.table(List.of("run (open loop)", "rate", "answers", "throughput", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms"), rows);
        console.line("");
        long failures = runs.stream().mapToLong(run -> run.result().failures()).sum();
        Latencies baseline = runs.get(0).result().latencies();
        Latencies hit = runs.get(1).result().latencies();
        Latencies fullRate = runs.get(2).result().latencies();
        if (baseline == null || hit == null || fullRate == null) {
            console.line("target added p99 < " + millis(TARGET_ADDED_P99_MILLIS) + " ms: NOT measured (no answers)");
            return false;
        }
        double added = hit.p99Millis() - baseline.p99Millis();
        console.line(String.format(Locale.ROOT, "at %,d requests/s: gateway cache hit p99 / directory p99 = %.2f×;"
                + " added p99 = %s ms (%s − %s)", COMPARE_RATE, hit.p99Millis() / baseline.p99Millis(), millis(added),
                millis(hit.p99Millis()), millis(baseline.p99Millis())));
        console.line(String.format(Locale.ROOT, "at %,d requests/s: gateway cache hits answered %,.0f /s, p99 %s ms"
                + " (the whole p99, so what it adds to any baseline is at most that)", RATE_PER_SECOND,
                fullRate.perSecond(), millis(fullRate.p99Millis())));
        console.line(String.format(Locale.ROOT, "remote api-cnaes calls during the runs: %,d (cache hits never go"
                + " remote)", extraRemoteCalls));
        boolean sustained = fullRate.perSecond() >= RATE_PER_SECOND * 0.98;
        boolean met = added < TARGET_ADDED_P99_MILLIS && fullRate.p99Millis() < TARGET_ADDED_P99_MILLIS && sustained;
        console.line(String.format(Locale.ROOT, "target added p99 < %s ms on a hit (at %,d requests/s against the"
                + " directory, and at %,d requests/s outright): %s; errors: %,d%s", millis(TARGET_ADDED_P99_MILLIS),
                COMPARE_RATE, RATE_PER_SECOND, met ? "met" : "NOT met", failures,
                failures == 0 ? "" : " (NOT met: every request must be answered as expected)"));
        return met && failures == 0;
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }
}
