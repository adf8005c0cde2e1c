package com.dominusleads.ingestion.load;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
import static com.dominusleads.ingestion.IngestionFixture.awaitJob;
import static com.dominusleads.ingestion.IngestionFixture.writeZip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * An incremental ingestion changes only what differs in place, and ends with the same directory as a full ingestion
 * of the same release: same rows, same search rows, same counts.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class IncrementalIngestionTest {

    private static final List<String> TABLES = List.of("establishment", "establishment_cnae", "company", "partner",
            "simples", "lookup", "cnae_count", "municipality_count");

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void anIncrementalIngestionEndsEqualToAFullOneTouchingOnlyWhatChanged() throws Exception {
        Path october = Files.createTempDirectory("october");
        new ReleaseGenerator(new GeneratorSpec(5_000, 21)).writeTo(october, written -> { });
        String first = "october-" + System.nanoTime();
        assertThat(awaitJob(ingest(first, october, "FULL")).getString("status")).isEqualTo("SUCCEEDED");
        String octoberSchema = dataSchema(first);

        // November: one establishment renamed, one gone, one moved to Rio de Janeiro, one new; a company's capital
        // changed; a partner gone.
        Path november = Files.createTempDirectory("november");
        try (var files = Files.list(october)) {
            for (Path file : files.toList()) {
                Files.copy(file, november.resolve(file.getFileName()));
            }
        }
        List<String> establishments = lines(october.resolve("Estabelecimentos0.zip"));
        String renamed = cnpj(establishments.get(0));
        String gone = cnpj(establishments.get(1));
        String moved = cnpj(establishments.get(2));
        establishments.set(0, field(establishments.get(0), 4, "NOVO NOME FANTASIA"));
        establishments.set(2, field(field(establishments.get(2), 19, "RJ"), 20, "6001"));
        establishments.remove(1);
        String fresh = Cnpj.withCheckDigits("98ABC7650001").value();
        establishments.add(field(field(field(establishments.get(5), 0, fresh.substring(0, 8)), 1, fresh.substring(8, 12)),
                2, fresh.substring(12)));
        writeZip(november, "Estabelecimentos0.zip", establishments);
        List<String> companies = lines(october.resolve("Empresas0.zip"));
        companies.set(0, field(companies.get(0), 4, "123456789,00"));
        writeZip(november, "Empresas0.zip", companies);
        List<String> partners = lines(october.resolve("Socios0.zip"));
        partners.remove(0);
        writeZip(november, "Socios0.zip", partners);

        String incremental = "november-incremental-" + System.nanoTime();
        JsonPath job = awaitJob(ingest(incremental, november, "INCREMENTAL"));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");
        assertThat(dataSchema(incremental)).as("applied onto the live tables").isEqualTo(octoberSchema);
        JsonPath releases = given().get("/api/ingestion/releases").then().statusCode(200).extract().jsonPath();
        assertThat(releases.getString("find { it.id == '" + incremental + "' }.status")).isEqualTo("LIVE");
        assertThat(releases.getString("find { it.id == '" + first + "' }.status")).isEqualTo("RETIRED");
        assertThat(company(renamed).getString("nome_fantasia")).isEqualTo("NOVO NOME FANTASIA");
        assertThat(given().header("X-API-KEY", API_KEY).get("/v1/companies/{c}", gone).then().extract().statusCode()).isEqualTo(404);
        assertThat(company(moved).getString("endereco.uf")).isEqualTo("RJ");
        assertThat(company(moved).getInt("endereco.ibge_municipio_id")).isEqualTo(3304557);
        assertThat(company(fresh).getString("cnpj")).isEqualTo(fresh);

        // The same release in full, beside it: the directory must be the same, table by table.
        String full = "november-full-" + System.nanoTime();
        assertThat(awaitJob(ingest(full, november, "FULL")).getString("status")).isEqualTo("SUCCEEDED");
        for (String table : TABLES) {
            assertThat(fingerprint(octoberSchema, table)).as(table).isEqualTo(fingerprint(dataSchema(full), table));
        }
    }

    private static long ingest(String id, Path dir, String mode) {
        return given().contentType(ContentType.JSON).body(Map.of("releaseId", id, "source", dir.toString(), "mode", mode))
                .post("/api/ingestion/releases").then().statusCode(202).extract().jsonPath().getLong("job.id");
    }

    private static JsonPath company(String cnpj) {
        return given().header("X-API-KEY", API_KEY).get("/v1/companies/{c}", cnpj).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> lines(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile()); BufferedReader reader = new BufferedReader(new InputStreamReader(
                file.getInputStream(file.entries().nextElement()), StandardCharsets.ISO_8859_1))) {
            return new ArrayList<>(reader.lines().toList());
        }
    }

    private static String field(String line, int index, String value) {
        String[] fields = line.substring(1, line.length() - 1).split("\";\"", -1);
        fields[index] = value;
        return "\"" + String.join("\";\"", fields) + "\"";
    }

    private static String cnpj(String line) {
        String[] fields = line.substring(1, line.length() - 1).split("\";\"", -1);
        return fields[0] + fields[1] + fields[2];
    }

    private String dataSchema(String release) throws Exception {
        return value("select data_schema from release where id = '" + release + "'");
    }

    /** Rows and a hash of their data, where each came from aside (unchanged rows keep their first release's line). */
    private String fingerprint(String schema, String table) throws Exception {
        return value("select count(*) || '/' || coalesce(sum(hashtextextended((to_jsonb(t) - 'src_file' - 'src_line')::text,"
                + " 0)), 0) from " + schema + "." + table + " t");
    }

    private String value(String sql) {
        return IngestionFixture.query(dataSource, sql);
    }
}
