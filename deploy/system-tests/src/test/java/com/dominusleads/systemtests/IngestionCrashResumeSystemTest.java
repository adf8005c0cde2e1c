package com.dominusleads.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A release ingested while the ingestion service is killed with SIGKILL twice — in the middle of loading the files,
 * then in the middle of building indexes — and restarted each time, ends identical, table by table and row by row,
 * to the same release ingested without interruption: no duplicate, no gap, nothing quarantined twice.
 */
class IngestionCrashResumeSystemTest {

    private static final long ESTABLISHMENTS = 300_000;
    private static final List<String> TABLES = List.of("establishment", "establishment_cnae", "company", "partner",
            "simples", "lookup", "cnae_count", "municipality_count");

    private static EphemeralSuite suite;
    private static IngestionClient client;
    private static Path release;

    @BeforeAll
    static void startSuite() throws Exception {
        release = Files.createTempDirectory("crash-release");
        new ReleaseGenerator(new GeneratorSpec(ESTABLISHMENTS, 11)).writeTo(release, written -> { });
        // Small chunks: many commits to be killed between (and inside).
        suite = EphemeralSuite.start(Map.of("ingestion-service", 1), true, QuarkusService.JvmProfile.QUICK_START,
                Map.of("DOMINUS_INGESTION_CHUNK_LINES", "5000", "DOMINUS_INGESTION_JOB_POLL_INTERVAL", "500ms"),
                line -> System.out.println("[suite] " + line));
        PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
        client = new IngestionClient(suite.instance("ingestion-service").url("/"), () -> tokens.of("operator", "operator"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aLoadKilledTwiceAndRestartedEndsIdenticalToAnUninterruptedOne() throws Exception {
        long reference = client.ingest("uninterrupted", release.toString()).path("job").path("id").asLong();
        assertThat(awaitEnd(reference).path("status").asText()).isEqualTo("SUCCEEDED");

        long crashed = client.ingest("crashed", release.toString()).path("job").path("id").asLong();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() ->
                client.release("crashed").path("progress").path("rowsLoaded").asLong() > ESTABLISHMENTS / 2);
        suite.kill("ingestion-service");
        long rowsAtKill = count("select sum(rows_loaded) from release_file where release_id = 'crashed'");
        assertThat(rowsAtKill).as("killed in the middle of the load").isPositive()
                .isLessThan(count("select sum(rows_loaded) from release_file where release_id = 'uninterrupted'"));
        suite.restart("ingestion-service");

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                "INDEX".equals(client.job(crashed).path("phase").asText()));
        suite.kill("ingestion-service");
        suite.restart("ingestion-service");

        JsonNode job = awaitEnd(crashed);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(client.release("crashed").path("release").path("status").asText()).isEqualTo("LIVE");

        String uninterrupted = schemaOf("uninterrupted");
        String resumed = schemaOf("crashed");
        for (String table : TABLES) {
            assertThat(fingerprint(resumed, table)).as(table).isEqualTo(fingerprint(uninterrupted, table));
        }
        assertThat(fingerprint(resumed, "establishment").get("rows")).isEqualTo(ESTABLISHMENTS);
        assertThat(quarantine("crashed")).isEqualTo(quarantine("uninterrupted"));
        // The chunks of every file follow each other without overlap or gap.
        assertThat(count("""
                select count(*) from (select first_line, lines,
                       lag(first_line + lines) over (partition by file_name order by chunk_no) as expected
                       from file_chunk where release_id = 'crashed') c
                where first_line <> coalesce(expected, 1)""")).isZero();
    }

    private static JsonNode awaitEnd(long job) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.job(job), j -> !List.of("QUEUED", "RUNNING").contains(j.path("status").asText()));
    }

    private static String schemaOf(String releaseId) throws SQLException {
        return "release_" + count("select seq from release where id = '" + releaseId + "'");
    }

    /** Row count and an order-independent hash of every row's full text. */
    private static Map<String, Long> fingerprint(String schema, String table) throws SQLException {
        try (Connection c = suite.postgres().connect("ingestion"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), coalesce(sum(hashtextextended(t::text, 0)), 0) from "
                     + schema + "." + table + " t")) {
            rs.next();
            Map<String, Long> fingerprint = new LinkedHashMap<>();
            fingerprint.put("rows", rs.getLong(1));
            fingerprint.put("hash", rs.getBigDecimal(2).longValue());
            return fingerprint;
        }
    }

    private static List<String> quarantine(String releaseId) throws SQLException {
        try (Connection c = suite.postgres().connect("ingestion"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select file_name || ':' || line_no || ':' || reason from quarantined_row"
                     + " where release_id = '" + releaseId + "' order by file_name, line_no")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = suite.postgres().connect("ingestion"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
