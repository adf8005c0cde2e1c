package com.dominusleads.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.events.Cnpj;
import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.simulator.SimulatorOptions;
import com.dominusleads.stack.QuarkusService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway between the real local directory (ingestion-service, its outbox streamed by Debezium) and a remote
 * api-cnaes simulator: before any release it answers from the remote; once a release is live, from the directory; a
 * company only the remote has is fetched once and cached; the next release, announced on Kafka, clears the cache.
 */
class GatewaySystemTest {

    private static final String REMOTE_KEY = "system-remote-key";
    private static final String GATEWAY_KEY = "system-gateway-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EphemeralSuite suite;
    private static ApiCnaesSimulator remote;
    private static EphemeralSuite.Instance gateway;
    private static IngestionClient ingestion;
    private static Path release;

    @BeforeAll
    static void startSuite() throws Exception {
        release = Files.createTempDirectory("gateway-release");
        new ReleaseGenerator(new GeneratorSpec(2_000, 5)).writeTo(release, written -> { });
        remote = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, REMOTE_KEY).withUnknownCnpjShare(0));
        suite = EphemeralSuite.start(Map.of("ingestion-service", 1), true, QuarkusService.JvmProfile.QUICK_START,
                Map.of("DOMINUS_INGESTION_JOB_POLL_INTERVAL", "500ms"), line -> System.out.println("[suite] " + line));
        gateway = suite.add("cnaes-gateway", Map.of(
                "DOMINUS_GATEWAY_LOCAL_URL", suite.instance("ingestion-service").url("/v1").toString(),
                "DOMINUS_GATEWAY_REMOTE_URL", remote.apiUri().toString(),
                "DOMINUS_GATEWAY_REMOTE_API_KEYS", REMOTE_KEY,
                "DOMINUS_GATEWAY_API_KEYS", GATEWAY_KEY));
        PasswordTokens tokens = new PasswordTokens(suite.tokenEndpoint());
        ingestion = new IngestionClient(suite.instance("ingestion-service").url("/"), () -> tokens.of("operator", "operator"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void theGatewayRoutesBetweenTheRealDirectoryAndTheRemoteAndForgetsOnANewRelease() throws Exception {
        String remoteOnly = Cnpj.withCheckDigits("987654320001").value();

        // No live release yet: the directory answers 503 directory_empty, so the remote does.
        assertThat(company(remoteOnly).path("source").asText()).isEqualTo("remote");

        ingest("2026-10");
        awaitCacheCleared(); // the release, announced through the outbox, Debezium and Kafka
        String local = firstEstablishment();
        JsonNode fromGateway = company(local);
        assertThat(fromGateway.path("source").asText()).isEqualTo("local");
        assertThat(fromGateway.path("razao_social").asText())
                .isEqualTo(get(suite.instance("ingestion-service").url("/v1/companies/" + local), "X-API-KEY",
                        "local-directory-key").path("razao_social").asText());
        assertThat(company(remoteOnly).path("source").asText()).as("cached before the release, forgotten with it")
                .isEqualTo("remote");
        assertThat(company(remoteOnly).path("source").asText()).isEqualTo("cache");
        assertThat(remote.calls().count(CallLog.Kind.COMPANY)).isEqualTo(2);

        JsonNode page = post(gateway.url("/v1/companies/search"), "{\"cnaes\":[\""
                + fromGateway.path("cnae_principal").path("codigo").asText() + "\"],\"uf\":\""
                + fromGateway.path("endereco").path("uf").asText() + "\"}");
        assertThat(page.path("meta").path("source").asText()).isEqualTo("local");
        assertThat(page.path("data").size()).isPositive();

        ingest("2026-11");
        awaitCacheCleared();
        assertThat(company(remoteOnly).path("source").asText()).isEqualTo("remote");
    }

    private static void ingest(String releaseId) throws Exception {
        long job = ingestion.ingest(releaseId, release.toString()).path("job").path("id").asLong();
        JsonNode end = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> ingestion.job(job), j -> !List.of("QUEUED", "RUNNING").contains(j.path("status").asText()));
        assertThat(end.path("status").asText()).as(end.toString()).isEqualTo("SUCCEEDED");
    }

    private static void awaitCacheCleared() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from company_cache") == 0);
    }

    private static String firstEstablishment() throws SQLException {
        try (Connection c = suite.postgres().connect("ingestion"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select cnpj from directory.establishment where situacao = 2 order by cnpj limit 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = suite.postgres().connect("cnaes_gateway"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode company(String cnpj) throws Exception {
        return get(gateway.url("/v1/companies/" + cnpj), "X-API-KEY", GATEWAY_KEY);
    }

    private static JsonNode get(URI uri, String header, String value) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(URI uri, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("X-API-KEY", GATEWAY_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
