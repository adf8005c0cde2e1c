package com.dominusleads.ingestion.load;

import static com.dominusleads.ingestion.IngestionFixture.awaitJob;
import static com.dominusleads.ingestion.IngestionFixture.ingest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.ingestion.IngestionFixture;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reprocessing a chunk or a UF of a live release puts back exactly what the files say: rows damaged on purpose come
 * back identical, with their search rows and counts, and the rest is untouched.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class ReprocessingTest {

    private static final List<String> TABLES = List.of("establishment", "establishment_cnae", "cnae_count",
            "municipality_count", "company");

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void aDamagedChunkAndADamagedUfAreReloadedFromTheFilesExactly() throws Exception {
        Path dir = Files.createTempDirectory("reprocess-release");
        new ReleaseGenerator(new GeneratorSpec(5_000, 9)).writeTo(dir, written -> { });
        String release = "reprocess-" + System.nanoTime();
        assertThat(awaitJob(ingest(release, dir)).getString("status")).isEqualTo("SUCCEEDED");
        String schema = "release_" + value("select seq from release where id = '" + release + "'");
        List<String> original = fingerprints(schema);

        // Chunk 3 of Estabelecimentos0.zip (lines 151-200 in tests): half of its rows and their search rows vanish.
        int establishments0 = FileIndex.of("Estabelecimentos0.zip");
        execute("delete from " + schema + ".establishment_cnae where cnpj in (select cnpj from " + schema
                + ".establishment where src_file = " + establishments0 + " and src_line between 151 and 175)");
        execute("delete from " + schema + ".establishment where src_file = " + establishments0
                + " and src_line between 151 and 175");
        execute("delete from " + schema + ".company where src_file = " + FileIndex.of("Empresas0.zip")
                + " and src_line between 1 and 10");
        assertThat(fingerprints(schema)).isNotEqualTo(original);
        reprocess(release, Map.of("file", "Estabelecimentos0.zip", "chunk", 3));
        reprocess(release, Map.of("file", "Empresas0.zip", "chunk", 0));
        assertThat(fingerprints(schema)).isEqualTo(original);

        // A whole UF lost, then rebuilt in a new partition and swapped in.
        execute("delete from " + schema + ".establishment where uf = 'SC'");
        execute("delete from " + schema + ".establishment_cnae where uf = 'SC'");
        reprocess(release, Map.of("uf", "sc"));
        assertThat(fingerprints(schema)).isEqualTo(original);

        given().contentType(ContentType.JSON).body(Map.of("file", "Estabelecimentos0.zip", "chunk", 999))
                .post("/api/ingestion/releases/{id}/reprocess", release).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("uf", "SC", "file", "Estabelecimentos0.zip"))
                .post("/api/ingestion/releases/{id}/reprocess", release).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("file", "Estabelecimentos0.zip"))
                .post("/api/ingestion/releases/{id}/reprocess", release).then().statusCode(409);
    }

    private static void reprocess(String release, Map<String, Object> what) {
        long job = given().contentType(ContentType.JSON).body(what).post("/api/ingestion/releases/{id}/reprocess", release)
                .then().statusCode(202).extract().jsonPath().getLong("job.id");
        JsonPath done = awaitJob(job);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
    }

    private List<String> fingerprints(String schema) throws Exception {
        List<String> fingerprints = new ArrayList<>();
        for (String table : TABLES) {
            fingerprints.add(table + "=" + value("select count(*) || '/' || coalesce(sum(hashtextextended(t::text, 0)), 0)"
                    + " from " + schema + "." + table + " t"));
        }
        return fingerprints;
    }

    private String value(String sql) {
        return IngestionFixture.query(dataSource, sql);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
