package com.dominusleads.ingestion.load;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
import static com.dominusleads.ingestion.IngestionFixture.awaitJob;
import static com.dominusleads.ingestion.IngestionFixture.ingest;
import static com.dominusleads.ingestion.IngestionFixture.line;
import static com.dominusleads.ingestion.IngestionFixture.writeZip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Malformed rows: each kind is quarantined with its file, line, raw text and reason while the load goes on; bad
 * optional fields are dropped and named on the row; alphanumeric CNPJs load like numeric ones; and a file that is
 * mostly garbage fails its job with a message that says what to do.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class MalformedRowsTest {

    /** A well-formed Estabelecimentos row for {@code root}/{@code order}, with {@code changes} by column index. */
    static String establishment(String root, String order, Map<Integer, String> changes) {
        String cnpj = Cnpj.withCheckDigits(root + order).value();
        String[] f = {root, order, cnpj.substring(12), "1", "LOJA TESTE", "02", "20200101", "00", "", "", "20100315",
                "4781400", "", "RUA", "DAS FLORES", "10", "", "CENTRO", "01001000", "SP", "7107", "", "", "", "", "", "",
                "", "", ""};
        changes.forEach((i, v) -> f[i] = v);
        return line(f);
    }

    static String establishment(String root, String order) {
        return establishment(root, order, Map.of());
    }

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void eachKindOfMalformedRowIsQuarantinedWithItsReasonAndTheLoadGoesOn() throws IOException {
        Path dir = Files.createTempDirectory("malformed");
        List<String> lines = new ArrayList<>();
        Map<Integer, String> expected = new LinkedHashMap<>();
        // Good rows first, so that the share of malformed ones stays under the 1 % that fails a file.
        for (int i = 0; i < 1_000; i++) {
            lines.add(establishment(String.format("%08d", 30_000_000 + i), "0001"));
        }
        lines.add(establishment("11222333", "0001", Map.of(21, "11", 22, "98765432", 23, "11", 24, "33334444",
                27, "CONTATO@Empresa.COM.BR")));
        lines.add(establishment("12ABC345", "01DE"));                                                 // alphanumeric
        lines.add(establishment("55666777", "0001", Map.of(21, "00", 22, "12", 27, "sem email", 6, "20201350",
                12, "6201501,62A,6201501,4781400")));                                                  // data issues
        expected.put(lines.size() + 1, "invalid_cnpj");
        lines.add(line("11222333", "0002", "00", "1", "X", "02", "", "", "", "", "", "4781400", "", "", "", "", "",
                "", "", "SP", "7107", "", "", "", "", "", "", "", "", ""));
        expected.put(lines.size() + 1, "not_quoted");
        lines.add("11222333;0003;00;garbage");
        expected.put(lines.size() + 1, "field_count");
        lines.add(line("11222333", "0004", "00"));
        expected.put(lines.size() + 1, "invalid_uf");
        lines.add(establishment("22333444", "0001", Map.of(19, "XX")));
        expected.put(lines.size() + 1, "invalid_situacao_cadastral");
        lines.add(establishment("22333445", "0001", Map.of(5, "05")));
        expected.put(lines.size() + 1, "invalid_matriz_filial");
        lines.add(establishment("22333446", "0001", Map.of(3, "3")));
        expected.put(lines.size() + 1, "invalid_cnae_principal");
        lines.add(establishment("22333447", "0001", Map.of(11, "62A")));
        expected.put(lines.size() + 1, "nul_byte");
        lines.add(establishment("22333448", "0001", Map.of(4, "NOME\0RUIM")));
        // The same CNPJ again, later: in the same UF (the unique index finds it) and in another UF (the merged check
        // across UFs does). The later line is kept, the earlier quarantined.
        expected.put(1_001, "duplicate_key");
        lines.add(lines.get(1_000));
        expected.put(1_002, "duplicate_key");
        lines.add(establishment("12ABC345", "01DE", Map.of(19, "RJ", 20, "6001")));
        writeZip(dir, "Estabelecimentos0.zip", lines);
        writeZip(dir, "Empresas0.zip", List.of(
                line("12ABC345", "EMPRESA ALFANUMERICA LTDA", "2062", "49", "1000,5", "01", ""),
                line("11222333", "EMPRESA NUMERICA LTDA", "2062", "49", "12,34,56", "03", ""),
                line("1122233", "RAIZ CURTA", "2062", "49", "0,00", "01", ""),
                line("55666777", "CAPITAL ABSURDO", "2062", "49", "100000000000000000", "05", "")));

        String release = "malformed-" + System.nanoTime();
        JsonPath job = awaitJob(ingest(release, dir));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");

        JsonPath quarantine = given().queryParam("file", "Estabelecimentos0.zip").queryParam("limit", 100)
                .get("/api/ingestion/releases/{id}/quarantine", release).then().statusCode(200).extract().jsonPath();
        Map<Integer, String> found = new java.util.TreeMap<>();
        List<Map<String, Object>> rows = quarantine.getList("rows");
        for (Map<String, Object> row : rows) {
            found.put(((Number) row.get("line")).intValue(), ((String) row.get("reason")).split(":")[0]);
        }
        assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("file")).isEqualTo("Estabelecimentos0.zip"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get("rawLine")).isEqualTo("11222333;0003;00;garbage"));
        assertThat(rows).anySatisfy(row -> assertThat((String) row.get("reason")).contains("check digits"));

        JsonPath companies = given().get("/api/ingestion/releases/{id}/quarantine?file=Empresas0.zip", release)
                .then().statusCode(200).extract().jsonPath();
        assertThat(companies.getList("rows.reason", String.class)).singleElement().asString()
                .startsWith("invalid_cnpj_basico");
        JsonPath detail = given().get("/api/ingestion/releases/{id}", release).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getLong("release.establishments")).isEqualTo(1_003);
        assertThat(detail.getLong("release.quarantined")).isEqualTo(expected.size() + 1);
        assertThat(company("12ABC34501DE35").getString("endereco.uf")).as("the later line kept").isEqualTo("RJ");

        JsonPath normalised = company("11222333000181");
        assertThat(normalised.getList("telefones.e164")).containsExactly("+5511998765432", "+551133334444");
        assertThat(normalised.getList("telefones.tipo")).containsExactly("MOVEL", "FIXO");
        assertThat(normalised.getList("telefones.numero")).containsExactly("998765432", "33334444");
        assertThat(normalised.getList("emails")).containsExactly("contato@empresa.com.br");
        assertThat(normalised.getString("porte.descricao")).isEqualTo("EMPRESA DE PEQUENO PORTE");
        assertThat(normalised.getString("capital_social")).isNull();

        JsonPath alphanumeric = company("12.ABC.345/01DE-35");
        assertThat(alphanumeric.getString("cnpj")).isEqualTo("12ABC34501DE35");
        assertThat(alphanumeric.getString("razao_social")).isEqualTo("EMPRESA ALFANUMERICA LTDA");
        assertThat(alphanumeric.getDouble("capital_social")).isEqualTo(1000.5);

        JsonPath issues = company("55666777000170".substring(0, 12) + Cnpj.withCheckDigits("556667770001").value().substring(12));
        assertThat(issues.getList("telefones")).isEmpty();
        assertThat(issues.getList("emails")).isEmpty();
        assertThat(issues.getString("data_situacao_cadastral")).isNull();
        assertThat(issues.getList("cnaes_secundarios.codigo")).containsExactly("6201501");
        assertThat(issues.getString("capital_social")).isNull();
        assertThat(issues.getList("data_issues", String.class)).hasSize(5)
                .anySatisfy(i -> assertThat(i).startsWith("capital_social: not an amount"))
                .anySatisfy(i -> assertThat(i).startsWith("telefone_1: invalid_length (\"00 12\")"))
                .anySatisfy(i -> assertThat(i).startsWith("correio_eletronico: not an e-mail address (\"sem email\")"))
                .anySatisfy(i -> assertThat(i).startsWith("data_situacao_cadastral: not a YYYYMMDD date"))
                .anySatisfy(i -> assertThat(i).startsWith("cnae_fiscal_secundaria"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void aFileOfMostlyMalformedRowsFailsTheJobWithWhatToDo() throws IOException {
        Path dir = Files.createTempDirectory("garbage");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(i % 2 == 0 ? establishment(String.format("%08d", 40_000_000 + i), "0001") : "not;a;receita;line");
        }
        writeZip(dir, "Estabelecimentos0.zip", lines);
        String release = "garbage-" + System.nanoTime();

        JsonPath job = awaitJob(ingest(release, dir));

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error")).startsWith("Estabelecimentos0.zip: ").contains("are malformed")
                .contains("reprocess");
        JsonPath detail = given().get("/api/ingestion/releases/{id}", release).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("release.status")).isEqualTo("FAILED");
        assertThat(detail.getString("progress.files[0].status")).isEqualTo("FAILED");
    }

    private static JsonPath company(String cnpj) {
        return given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", cnpj).then().statusCode(200)
                .extract().jsonPath();
    }
}
