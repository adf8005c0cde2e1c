package com.dominusleads.ingestion.load;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
import static com.dominusleads.ingestion.IngestionFixture.awaitJob;
import static com.dominusleads.ingestion.IngestionFixture.ingest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
import com.dominusleads.ingestion.IngestionFixture;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Readers never see a half-loaded release: while a new release loads and is indexed, every read answers from the live
 * one; the switch is one step; and the operator can switch back to the previous release (and forward again).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class ReleaseSwitchTest {

    private static final String SERPRO = "33683111000280";

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void readersSeeOnlyTheLiveReleaseWhileTheNextLoadsThenTheSwitchIsAtomicAndReversible() throws Exception {
        String old = "switch-old-" + System.nanoTime();
        assertThat(awaitJob(ingest(old, IngestionFixture.sampleRelease())).getString("status")).isEqualTo("SUCCEEDED");
        assertThat(status(SERPRO)).isEqualTo(200);

        Path next = Files.createTempDirectory("next-release");
        new ReleaseGenerator(new GeneratorSpec(20_000, 3)).writeTo(next, written -> { });
        String nextCnpj = firstCnpj(next.resolve("Estabelecimentos0.zip"));
        String nextId = "switch-next-" + System.nanoTime();
        long job = ingest(nextId, next);

        Set<String> phasesObserved = new HashSet<>();
        while (true) {
            JsonPath state = given().get("/api/ingestion/jobs/{id}", job).then().extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(state.getString("status"))) {
                assertThat(state.getString("status")).isEqualTo("SUCCEEDED");
                break;
            }
            int serpro = status(SERPRO);
            int fresh = status(nextCnpj);
            String phase = given().get("/api/ingestion/jobs/{id}", job).then().extract().jsonPath().getString("phase");
            if (phase != null && phase.equals(state.getString("phase")) && !phase.equals("SWITCH")) {
                // Both reads happened within one phase before the switch: the old release answered them.
                assertThat(serpro).as("the old release's company during " + phase).isEqualTo(200);
                assertThat(fresh).as("the new release's company during " + phase).isEqualTo(404);
                phasesObserved.add(phase);
            }
        }
        assertThat(phasesObserved).as("reads made while the release loaded and while it was indexed").contains("LOAD", "INDEX");

        assertThat(status(SERPRO)).isEqualTo(404);
        assertThat(status(nextCnpj)).isEqualTo(200);
        assertThat(given().get("/health").then().statusCode(200).extract().jsonPath().getString("release")).isEqualTo(nextId);

        given().post("/api/ingestion/directory/switch-back").then().statusCode(200);
        assertThat(status(SERPRO)).isEqualTo(200);
        assertThat(status(nextCnpj)).isEqualTo(404);
        JsonPath releases = given().get("/api/ingestion/releases").then().statusCode(200).extract().jsonPath();
        assertThat(releases.getString("find { it.id == '" + old + "' }.status")).isEqualTo("LIVE");
        assertThat(releases.getString("find { it.id == '" + nextId + "' }.status")).isEqualTo("PREVIOUS");

        given().post("/api/ingestion/directory/switch-back").then().statusCode(200);
        assertThat(status(nextCnpj)).isEqualTo(200);
    }

    private static int status(String cnpj) {
        return given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", cnpj).then().extract().statusCode();
    }

    private static String firstCnpj(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile());
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     file.getInputStream(file.entries().nextElement()), StandardCharsets.ISO_8859_1))) {
            String[] fields = reader.readLine().split("\";\"");
            String cnpj = fields[0].substring(1) + fields[1] + fields[2];
            assertThat(Cnpj.isValid(cnpj)).isTrue();
            return cnpj;
        }
    }
}
