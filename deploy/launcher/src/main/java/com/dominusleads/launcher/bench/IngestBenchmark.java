package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.ingest.IngestionWatch;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./dominus bench ingest [establishments]}: a synthetic release (2 M establishments and their companies,
 * partners and Simples by default) ingested end to end by a real ingestion-service on a private PostgreSQL, beside a
 * raw {@code COPY} of the same rows into unindexed tables in the same run. Prints rows/s, the ratio, the post-load
 * steps, and the time a full Receita release (≈ 197 M rows, 66 M establishments) would take at these rates.
 */
public final class IngestBenchmark {

    static final double TARGET_ESTABLISHMENTS_PER_SECOND = 100_000;
    static final double TARGET_RATIO = 0.60;
    static final double GOAL_FULL_RELEASE_MINUTES = 60;
    static final long FULL_RELEASE_ROWS = 197_000_000L;
    static final long FULL_RELEASE_ESTABLISHMENTS = 66_000_000L;
    static final int WORKERS = 2;

    private final Console console;
    private final Path cache;

    public IngestBenchmark(Console console, Path cache) {
        this.console = console;
        this.cache = cache;
    }

    public boolean run(long establishments, long seed) throws Exception {
        Path release = BenchReleases.synthetic(console, cache, establishments, seed);
        console.line(String.format(Locale.ROOT, "ingest benchmark: %,d establishments (release %s); starting a private"
                + " PostgreSQL, Kafka, Apicurio, Keycloak and ingestion-service (about a minute)", establishments, release));
        try (EphemeralSuite suite = EphemeralSuite.start(Map.of("ingestion-service", 1), true,
                QuarkusService.JvmProfile.THROUGHPUT, line -> console.step("suite", line))) {
            suite.postgres().ensureDatabase("bench_raw");
            console.step("baseline", "raw COPY of the same rows (PostgreSQL's CSV parser, unlogged, no index)");
            RawCopyRun.Result raw = RawCopyRun.measure(() -> connect(suite, "bench_raw"), release, WORKERS);
            console.ok("baseline", String.format(Locale.ROOT, "%,d rows in %.1f s: %,.0f rows/s", raw.rows(), raw.seconds(),
                    raw.perSecond()));

            PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
            IngestionClient client = new IngestionClient(suite.instance("ingestion-service").url("/"),
                    () -> tokens.of("operator", "operator"));
            String releaseId = "bench-" + establishments + "-" + System.currentTimeMillis();
            long jobId = client.ingest(releaseId, release.toString()).path("job").path("id").asLong();
            JsonNode detail = new IngestionWatch(client, console).follow(releaseId, jobId);
            JsonNode job = client.job(jobId);
            if (!job.path("status").asText().equals("SUCCEEDED")) {
                console.fail("ingest", "the ingestion failed: " + job.path("error").asText());
                return false;
            }
            Timings t = timings(suite, releaseId);
            return report(raw, t, detail);
        }
    }

    /** What the service recorded: the load window (all files, and the Estabelecimentos alone), steps, total. */
    record Timings(long rows, long establishments, double loadSeconds, double establishmentSeconds,
                   double totalSeconds, double postLoadSeconds, List<String[]> steps) {
    }

    private static Timings timings(EphemeralSuite suite, String releaseId) throws SQLException {
        try (Connection c = connect(suite, "ingestion"); Statement s = c.createStatement()) {
            ResultSet load = s.executeQuery("""
                    select sum(rows_loaded),
                           sum(rows_loaded) filter (where kind = 'ESTABELECIMENTOS'),
                           extract(epoch from max(finished_at) - min(started_at)),
                           extract(epoch from max(finished_at) filter (where kind = 'ESTABELECIMENTOS')
                                            - min(started_at) filter (where kind = 'ESTABELECIMENTOS'))
                    from release_file where release_id = '%s'
                      and kind in ('ESTABELECIMENTOS', 'EMPRESAS', 'SOCIOS', 'SIMPLES')""".formatted(releaseId));
            load.next();
            long rows = load.getLong(1);
            long establishments = load.getLong(2);
            double loadSeconds = load.getDouble(3);
            double establishmentSeconds = load.getDouble(4);
            ResultSet job = s.executeQuery("""
                    select extract(epoch from j.finished_at - j.started_at),
                           extract(epoch from j.finished_at - (select max(finished_at) from release_file f
                                                               where f.release_id = j.release_id))
                    from ingestion_job j where release_id = '%s'""".formatted(releaseId));
            job.next();
            double total = job.getDouble(1);
            double postLoad = job.getDouble(2);
            List<String[]> steps = new ArrayList<>();
            ResultSet step = s.executeQuery("""
                    select case when step like 'uf:%%' then 'per UF: set logged, unique index, search table, indexes'
                                else step end, sum(seconds), count(*)
                    from release_step where release_id = '%s' group by 1 order by 2 desc""".formatted(releaseId));
            while (step.next()) {
                steps.add(new String[] {step.getString(1), String.format(Locale.ROOT, "%.1f s", step.getDouble(2))
                        + (step.getInt(3) > 1 ? " (" + step.getInt(3) + " steps)" : "")});
            }
            return new Timings(rows, establishments, loadSeconds, establishmentSeconds, total, postLoad, steps);
        }
    }

    private boolean report(RawCopyRun.Result raw, Timings t, JsonNode detail) {
        double loadRate = t.rows() / t.loadSeconds();
        double establishmentRate = t.establishments() / t.establishmentSeconds();
        double endToEndRate = t.rows() / t.totalSeconds();
        double ratio = loadRate / raw.perSecond();
        double fullLoadMinutes = FULL_RELEASE_ROWS / loadRate / 60;
        double fullPostLoadMinutes = t.postLoadSeconds() * FULL_RELEASE_ESTABLISHMENTS / t.establishments() / 60;
        double fullMinutes = fullLoadMinutes + fullPostLoadMinutes;

        console.line("");
        console.table(List.of("run", "rows", "seconds", "rows/s"), List.of(
                List.of("raw COPY, unindexed (baseline)", fmt(raw.rows()), secs(raw.seconds()), fmt(raw.perSecond())),
                List.of("ingest: load phase (parse, normalise, COPY)", fmt(t.rows()), secs(t.loadSeconds()), fmt(loadRate)),
                List.of("ingest: Estabelecimentos files alone", fmt(t.establishments()), secs(t.establishmentSeconds()),
                        fmt(establishmentRate)),
                List.of("ingest: end to end (+ durable, indexes, switch)", fmt(t.rows()), secs(t.totalSeconds()),
                        fmt(endToEndRate)),
                List.of("ratio load / raw COPY", "", "", String.format(Locale.ROOT, "%.2f", ratio)),
                List.of("ratio end to end / raw COPY", "", "", String.format(Locale.ROOT, "%.2f", endToEndRate / raw.perSecond()))));
        console.line("");
        console.line(String.format(Locale.ROOT, "after the load (%.1f s wall, 2 workers):", t.postLoadSeconds()));
        console.table(List.of("step", "time"), t.steps().stream().map(s -> List.of(s[0], s[1])).toList());
        console.line("");
        console.line(String.format(Locale.ROOT, "quarantined rows: %,d", detail.path("release").path("quarantined").asLong()));
        console.line(String.format(Locale.ROOT, "full release extrapolated: %,d rows at %,.0f rows/s = %.0f min load"
                        + " + %.0f min durable/index/switch (scaled by establishments) = %.0f min",
                FULL_RELEASE_ROWS, loadRate, fullLoadMinutes, fullPostLoadMinutes, fullMinutes));
        boolean rateMet = establishmentRate >= TARGET_ESTABLISHMENTS_PER_SECOND;
        boolean ratioMet = ratio >= TARGET_RATIO;
        boolean goalMet = fullMinutes < GOAL_FULL_RELEASE_MINUTES;
        console.line(String.format(Locale.ROOT, "target ≥ %,.0f establishment rows/s: %s; target ≥ %.0f %% of raw COPY: %s;"
                        + " goal full release < %.0f min: %s", TARGET_ESTABLISHMENTS_PER_SECOND, rateMet ? "met" : "NOT met",
                TARGET_RATIO * 100, ratioMet ? "met" : "NOT met", GOAL_FULL_RELEASE_MINUTES, goalMet ? "met" : "NOT met"));
        return rateMet && ratioMet;
    }

    private static Connection connect(EphemeralSuite suite, String database) {
        try {
            return suite.postgres().connect(database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String secs(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
