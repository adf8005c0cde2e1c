package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.ingest.IngestionWatch;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ./dominus bench search [establishments]}: a directory of 10 M synthetic establishments (by default) ingested
 * into a private suite, then the search shapes the product uses, over HTTP with the api-cnaes contract: single CNAE +
 * UF, 20 CNAEs + UF, CNAE + municipality, a CNAE found mostly as secondary, and the hottest CNAE's first page with no
 * UF. Each shape runs a fixed, seeded set of queries twice; the second (warm) pass is reported, with p50/p95/p99, beside
 * the same run's floor: {@code GET /health}, one trivial query through the same service.
 * <p>
 * Then the live counter of leads-service's search ({@code POST /api/leads/searches/count}, as a sales user, through
 * cnaes-gateway to the same directory) on the same shapes, beside the directory asked directly for the same count
 * (a one-row search): target p95 < 300 ms.
 */
public final class SearchBenchmark {

    static final double TARGET_P95_MILLIS = 50;
    static final double TARGET_HOTTEST_MILLIS = 100;
    static final double TARGET_COUNT_P95_MILLIS = 300;
    private static final int QUERIES = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "local-directory-key";

    private final Console console;
    private final Path cache;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SearchBenchmark(Console console, Path cache) {
        this.console = console;
        this.cache = cache;
    }

    public boolean run(long establishments, long seed) throws Exception {
        Path release = BenchReleases.synthetic(console, cache, establishments, seed);
        console.line(String.format(Locale.ROOT, "search benchmark: a directory of %,d establishments; starting a private"
                + " suite and ingesting it first", establishments));
        try (EphemeralSuite suite = EphemeralSuite.start(Map.of("ingestion-service", 1), true,
                QuarkusService.JvmProfile.THROUGHPUT, line -> console.step("suite", line))) {
            PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
            URI base = suite.instance("ingestion-service").url("/");
            IngestionClient client = new IngestionClient(base, () -> tokens.of("operator", "operator"));
            String releaseId = "search-bench";
            long job = client.ingest(releaseId, release.toString()).path("job").path("id").asLong();
            new IngestionWatch(client, console).follow(releaseId, job);
            if (!client.job(job).path("status").asText().equals("SUCCEEDED")) {
                console.fail("ingest", client.job(job).path("error").asText());
                return false;
            }
            Parameters p;
            String disk;
            try (Connection c = suite.postgres().connect("ingestion")) {
                p = parameters(c);
                disk = disk(c, release);
            }
            console.ok("directory", disk);

            Map<String, Function<Random, String>> shapes = new LinkedHashMap<>();
            shapes.put("single CNAE + UF", r -> body(List.of(pick(r, p.cnaes)), pick(r, p.ufs), null));
            shapes.put("20 CNAEs + UF", r -> body(sample(r, p.cnaes, 20), pick(r, p.ufs), null));
            shapes.put("CNAE + municipality", r -> body(List.of(pick(r, p.cnaes.subList(0, 50))), null, pick(r, p.municipalities)));
            shapes.put("secondary-CNAE match + UF", r -> body(List.of(pick(r, p.secondaryCnaes)), pick(r, p.ufs), null));
            shapes.put("hottest CNAE, first page, no UF", r -> body(List.of(p.cnaes.get(0)), null, null));

            console.step("floor", "GET /health: one trivial query through the same service");
            Latency floor = measure(base, null, r -> null);
            List<List<String>> rows = new ArrayList<>();
            rows.add(row("floor: GET /health (baseline)", floor, floor));
            Map<String, Latency> results = new LinkedHashMap<>();
            for (Map.Entry<String, Function<Random, String>> shape : shapes.entrySet()) {
                console.step("search", shape.getKey());
                Latency latency = measure(base, "/v1/companies/search", shape.getValue());
                results.put(shape.getKey(), latency);
                rows.add(row(shape.getKey(), latency, floor));
            }
            console.line("");
            console.table(List.of("query (warm, " + QUERIES + " each)", "p50 ms", "p95 ms", "p99 ms", "p95 / floor p95"), rows);
            boolean p95Met = results.values().stream().allMatch(l -> l.p(95) < TARGET_P95_MILLIS);
            boolean hottestMet = results.get("hottest CNAE, first page, no UF").p(95) < TARGET_HOTTEST_MILLIS;
            console.line("");
            console.line(String.format(Locale.ROOT, "target p95 < %.0f ms warm for every shape: %s; hottest CNAE's first"
                    + " page < %.0f ms: %s", TARGET_P95_MILLIS, p95Met ? "met" : "NOT met", TARGET_HOTTEST_MILLIS,
                    hottestMet ? "met" : "NOT met"));
            boolean countMet = counts(suite, tokens, base, p);
            return p95Met && hottestMet && countMet;
        }
    }

    /**
     * The live counter through leads-service and cnaes-gateway, beside the directory's own one-row search with the
     * same filters (what the count costs at the bottom), on each shape.
     */
    private boolean counts(EphemeralSuite suite, PasswordTokens tokens, URI directory, Parameters p) throws Exception {
        console.step("suite", "adding cnaes-gateway (this directory as its local side) and leads-service");
        suite.add("cnaes-gateway", Map.of("DOMINUS_GATEWAY_LOCAL_URL", directory.resolve("/v1").toString(),
                // No remote: every answer must come from the directory.
                "DOMINUS_GATEWAY_REMOTE_URL", "http://127.0.0.1:9/v1", "DOMINUS_GATEWAY_REMOTE_API_KEYS", "unused"));
        URI leads = suite.add("leads-service", Map.of()).url("/");
        Map<String, Function<Random, Map<String, Object>>> shapes = new LinkedHashMap<>();
        shapes.put("single CNAE + UF", r -> filters(List.of(pick(r, p.cnaes)), pick(r, p.ufs), null));
        shapes.put("20 CNAEs + UF", r -> filters(sample(r, p.cnaes, 20), pick(r, p.ufs), null));
        shapes.put("CNAE + municipality", r -> filters(List.of(pick(r, p.cnaes.subList(0, 50))), null, pick(r, p.municipalities)));
        shapes.put("secondary-CNAE match + UF", r -> filters(List.of(pick(r, p.secondaryCnaes)), pick(r, p.ufs), null));
        shapes.put("hottest CNAE, no UF", r -> filters(List.of(p.cnaes.get(0)), null, null));
        List<List<String>> rows = new ArrayList<>();
        boolean met = true;
        for (Map.Entry<String, Function<Random, Map<String, Object>>> shape : shapes.entrySet()) {
            console.step("count", shape.getKey());
            Latency direct = measure(directory, "/v1/companies/search", r -> json(directoryBody(shape.getValue().apply(r))),
                    Map.of("X-API-KEY", API_KEY));
            Latency counted = measure(leads, "/api/leads/searches/count", r -> json(shape.getValue().apply(r)),
                    Map.of("Authorization", "Bearer " + tokens.of("acme-admin", "dominus")));
            met &= counted.p(95) < TARGET_COUNT_P95_MILLIS;
            rows.add(List.of(shape.getKey(), String.format(Locale.ROOT, "%.1f", direct.p(95)),
                    String.format(Locale.ROOT, "%.1f", counted.p(50)), String.format(Locale.ROOT, "%.1f", counted.p(95)),
                    String.format(Locale.ROOT, "%.1f", counted.p(99)),
                    String.format(Locale.ROOT, "%.2f×", counted.p(95) / direct.p(95))));
        }
        console.line("");
        console.table(List.of("live count (warm, " + QUERIES + " each)", "directory p95 ms (baseline)", "count p50 ms",
                "count p95 ms", "count p99 ms", "p95 / baseline p95"), rows);
        console.line("");
        console.line(String.format(Locale.ROOT, "target: the live count's p95 < %.0f ms for every shape: %s",
                TARGET_COUNT_P95_MILLIS, met ? "met" : "NOT met"));
        return met;
    }

    /** A count's filters in leads-service's terms (CNAEs, UF, municipality by IBGE code). */
    private static Map<String, Object> filters(List<String> cnaes, String uf, String municipality) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("cnaes", cnaes);
        if (uf != null) {
            filters.put("uf", uf);
        }
        if (municipality != null) {
            filters.put("municipality", municipality);
        }
        return filters;
    }

    /** The same filters as the directory's one-row search. */
    private static Map<String, Object> directoryBody(Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cnaes", filters.get("cnaes"));
        if (filters.containsKey("uf")) {
            body.put("uf", filters.get("uf"));
        }
        if (filters.containsKey("municipality")) {
            body.put("municipio_ibge", Integer.valueOf(filters.get("municipality").toString()));
        }
        body.put("pagination", Map.of("page", 1, "limit", 1));
        return body;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Query parameters drawn from the directory itself: frequent CNAEs, UFs, big municipalities. */
    private record Parameters(List<String> cnaes, List<String> secondaryCnaes, List<String> ufs,
                              List<String> municipalities) {
    }

    private static Parameters parameters(Connection c) throws Exception {
        return new Parameters(
                column(c, "select lpad(cnae::text, 7, '0') from directory.cnae_count where situacao = 2"
                        + " group by cnae order by sum(n) desc limit 200"),
                // The CNAEs held most often as a secondary activity, among those with a fair number of matches.
                column(c, "select lpad(cnae::text, 7, '0') from directory.cnae_count where situacao = 2 group by cnae"
                        + " having sum(n) >= (select sum(n) / 2000 from directory.cnae_count where situacao = 2)"
                        + " order by coalesce(sum(n) filter (where not principal), 0)::float8 / sum(n) desc limit 20"),
                column(c, "select uf from directory.municipality_count where uf <> 'EX' group by uf"
                        + " order by sum(n) desc limit 27"),
                column(c, "select municipio_ibge::text from directory.municipality_count where municipio_ibge is not null"
                        + " order by n desc limit 100"));
    }

    private static String disk(Connection c, Path release) throws Exception {
        long zips;
        try (Stream<Path> files = Files.list(release)) {
            zips = files.mapToLong(f -> f.toFile().length()).sum();
        }
        List<String> sizes = column(c, """
                select pg_size_pretty(sum(pg_total_relation_size(c.oid)))
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname like 'release_%' and c.relkind in ('r', 'm')""");
        List<String> database = column(c, "select pg_size_pretty(pg_database_size(current_database()))");
        return String.format(Locale.ROOT, "disk: release zips %,d MB; directory tables and indexes %s; whole database %s",
                zips >> 20, sizes.get(0), database.get(0));
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String body(List<String> cnaes, String uf, String municipality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cnaes", cnaes);
        if (uf != null) {
            body.put("uf", uf);
        }
        if (municipality != null) {
            body.put("municipio_ibge", municipality);
        }
        body.put("pagination", Map.of("page", 1, "limit", 20));
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pick(Random r, List<String> values) {
        // Skewed towards the front (the frequent CNAEs, the big UFs), as real searches are.
        return values.get((int) Math.min(values.size() - 1, Math.floor(Math.pow(r.nextDouble(), 2) * values.size())));
    }

    private static List<String> sample(Random r, List<String> values, int n) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < n) {
            String value = pick(r, values);
            if (!chosen.contains(value)) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    /** Latencies of one shape's queries, warm pass (the same seeded queries run once before, unmeasured). */
    private record Latency(double[] millis) {
        double p(int percentile) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
        }
    }

    private Latency measure(URI base, String path, Function<Random, String> bodies) throws Exception {
        return measure(base, path, bodies, Map.of("X-API-KEY", API_KEY));
    }

    private Latency measure(URI base, String path, Function<Random, String> bodies, Map<String, String> headers)
            throws Exception {
        double[] millis = new double[QUERIES];
        for (int pass = 0; pass < 2; pass++) {
            Random random = new Random(42);
            for (int i = 0; i < QUERIES; i++) {
                String body = bodies.apply(random);
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path == null ? "/health" : path))
                        .timeout(Duration.ofSeconds(30));
                headers.forEach(request::header);
                if (body == null) {
                    request.GET();
                } else {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                }
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the search answered " + response.statusCode() + ": " + response.body()
                            + " (query " + body + ")");
                }
            }
        }
        return new Latency(millis);
    }

    private static List<String> row(String name, Latency latency, Latency floor) {
        return List.of(name, String.format(Locale.ROOT, "%.1f", latency.p(50)), String.format(Locale.ROOT, "%.1f", latency.p(95)),
                String.format(Locale.ROOT, "%.1f", latency.p(99)), String.format(Locale.ROOT, "%.1f×", latency.p(95) / floor.p(95)));
    }
}
