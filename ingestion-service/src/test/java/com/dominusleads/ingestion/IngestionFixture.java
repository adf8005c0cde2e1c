package com.dominusleads.ingestion;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Releases for tests (the real samples, or hand-written rows) and the admin API calls that ingest them. */
public final class IngestionFixture {

    public static final String API_KEY = "local-directory-key";
    public static final List<String> SAMPLE_ZIPS = List.of("Cnaes.zip", "Empresas0.zip", "Empresas1.zip",
            "Estabelecimentos0.zip", "Motivos.zip", "Municipios.zip", "Naturezas.zip", "Paises.zip",
            "Qualificacoes.zip", "Simples.zip", "Socios0.zip");

    private IngestionFixture() {
    }

    /** A directory holding the real Receita sample zips. */
    public static Path sampleRelease() {
        try {
            Path dir = Files.createTempDirectory("sample-release");
            for (String zip : SAMPLE_ZIPS) {
                try (InputStream in = IngestionFixture.class.getResourceAsStream("/cnpj-samples/" + zip)) {
                    Files.copy(in, dir.resolve(zip), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} (each a full RF line) as the zip {@code name} in {@code dir}, ISO-8859-1, LF endings. */
    public static void writeZip(Path dir, String name, List<String> lines) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            zip.putNextEntry(new ZipEntry(name.replace(".zip", "")));
            for (String line : lines) {
                zip.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A quoted RF line from its fields. */
    public static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(i == 0 ? "\"" : ";\"").append(fields[i]).append('"');
        }
        return line.toString();
    }

    /** Starts the ingestion of {@code dir} as release {@code id} (the caller is a host-admin); returns the job id. */
    public static long ingest(String id, Path dir) {
        return ingest(id, dir.toString());
    }

    /** The same from any source: a directory or an http(s) base URL. */
    public static long ingest(String id, String source) {
        return given().contentType(ContentType.JSON).body(Map.of("releaseId", id, "source", source))
                .post("/api/ingestion/releases").then().statusCode(202).extract().jsonPath().getLong("job.id");
    }

    /** The first column of the first row of {@code sql}, read straight from the service's database. */
    public static String query(javax.sql.DataSource dataSource, String sql) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits for job {@code id} to end; returns it. */
    public static JsonPath awaitJob(long id) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/ingestion/jobs/{id}", id).then().statusCode(200).extract().jsonPath(),
                        job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }
}
