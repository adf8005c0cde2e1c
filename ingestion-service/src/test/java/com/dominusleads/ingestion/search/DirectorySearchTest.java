package com.dominusleads.ingestion.search;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Searches over a synthetic release of 20,000 establishments, checked against the directory's own tables: totals,
 * keyset paging through every result, page numbers, and each filter doing what it says.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class DirectorySearchTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void searchesMatchTheDirectoryAndPageThroughEveryResultOnce() throws Exception {
        Path dir = Files.createTempDirectory("search-release");
        new ReleaseGenerator(new GeneratorSpec(20_000, 5)).writeTo(dir, written -> { });
        JsonPath job = awaitJob(ingest("search-" + System.nanoTime(), dir));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");

        // The hottest CNAE in SP, principal or secondary, active: the API's total is the directory's count.
        long expected = count("select count(*) from directory.establishment where uf = 'SP' and situacao = 2"
                + " and (cnae_principal = 4781400 or 4781400 = any(cnaes_secundarios))");
        assertThat(expected).isGreaterThan(150);
        JsonPath first = search(Map.of("cnaes", List.of("4781400"), "uf", "SP", "pagination", Map.of("limit", 50)));
        assertThat(first.getLong("meta.total_items")).isEqualTo(expected);
        assertThat(first.getBoolean("meta.total_items_estimated")).isFalse();

        // Keyset paging visits every result once, in CNPJ order.
        List<String> all = new ArrayList<>(first.getList("data.cnpj", String.class));
        String cursor = first.getString("meta.next_cursor");
        while (cursor != null) {
            JsonPath page = search(Map.of("cnaes", List.of("4781400"), "uf", "SP", "cursor", cursor,
                    "pagination", Map.of("limit", 50)));
            all.addAll(page.getList("data.cnpj", String.class));
            cursor = page.getString("meta.next_cursor");
        }
        assertThat(all).hasSize((int) expected).doesNotHaveDuplicates().isSorted();
        // Page numbers agree with the cursor.
        JsonPath third = search(Map.of("cnaes", List.of("4781400"), "uf", "SP", "pagination", Map.of("page", 3, "limit", 50)));
        assertThat(third.getList("data.cnpj", String.class)).isEqualTo(all.subList(100, Math.min(150, all.size())));

        // Each filter holds on every result.
        JsonPath mobiles = search(Map.of("cnaes", List.of("4781400", "9602501", "5611201"), "has_mobile", true,
                "has_email", true, "pagination", Map.of("limit", 100)));
        assertThat(mobiles.getList("data", Map.class)).isNotEmpty();
        for (Map<?, ?> company : mobiles.getList("data", Map.class)) {
            assertThat((List<?>) company.get("emails")).isNotEmpty();
            assertThat(((List<Map<?, ?>>) company.get("telefones")).stream().map(t -> (Object) t.get("tipo")).toList()).contains((Object) "MOVEL");
            List<Object> cnaes = new ArrayList<>();
            cnaes.add(((Map<?, ?>) company.get("cnae_principal")).get("codigo"));
            ((List<Map<?, ?>>) company.get("cnaes_secundarios")).forEach(c -> cnaes.add(c.get("codigo")));
            assertThat(cnaes).containsAnyOf("4781400", "9602501", "5611201");
        }
        JsonPath sampa = search(Map.of("cnaes", List.of("4781400"), "municipio_ibge", 3550308, "pagination", Map.of("limit", 100)));
        assertThat(sampa.getList("data.endereco.ibge_municipio_id", Integer.class)).isNotEmpty().containsOnly(3550308);
        assertThat(sampa.getLong("meta.total_items")).isEqualTo(count("select count(*) from directory.establishment"
                + " where municipio_ibge = 3550308 and situacao = 2"
                + " and (cnae_principal = 4781400 or 4781400 = any(cnaes_secundarios))"));
        JsonPath withoutMei = search(Map.of("cnaes", List.of("4781400"), "excluir_mei", true, "porte", List.of("ME", "EPP"),
                "capital_min", 10_000, "pagination", Map.of("limit", 100)));
        assertThat(withoutMei.getList("data", Map.class)).isNotEmpty().allSatisfy(company -> {
            Map<?, ?> simples = (Map<?, ?>) company.get("simples");
            assertThat(simples == null || !Boolean.TRUE.equals(simples.get("mei"))).isTrue();
            assertThat(((Map<?, ?>) company.get("porte")).get("codigo")).isIn(1, 3);
            assertThat(((Number) company.get("capital_social")).doubleValue()).isGreaterThanOrEqualTo(10_000);
        });
        JsonPath closed = search(Map.of("cnaes", List.of("4781400"), "situacao", "BAIXADA", "opened_after", "2015-01-01"));
        assertThat(closed.getList("data", Map.class)).isNotEmpty().allSatisfy(company -> {
            assertThat(((Map<?, ?>) company.get("situacao_cadastral")).get("descricao")).isEqualTo("BAIXADA");
            assertThat((String) company.get("data_inicio_atividade")).isGreaterThanOrEqualTo("2015-01-01");
        });

        // Over 10,000 results, the total comes from the count tables and says it is an estimate (CNAEs overlap).
        List<String> top = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select cnae from directory.cnae_count where situacao = 2"
                     + " group by cnae order by sum(n) desc limit 50")) {
            while (rs.next()) {
                top.add(String.format("%07d", rs.getInt(1)));
            }
        }
        JsonPath broad = search(Map.of("cnaes", top, "situacao", "ATIVA"));
        long distinct = count("select count(*) from directory.establishment where situacao = 2 and (cnae_principal = any('{"
                + String.join(",", top) + "}'::int[]) or cnaes_secundarios && '{" + String.join(",", top) + "}'::int[])");
        if (distinct > DirectorySearch.EXACT_COUNT_LIMIT) {
            assertThat(broad.getBoolean("meta.total_items_estimated")).isTrue();
            assertThat(broad.getLong("meta.total_items")).isGreaterThanOrEqualTo(distinct);
        } else {
            assertThat(broad.getLong("meta.total_items")).isEqualTo(distinct);
        }
    }

    private static JsonPath search(Map<String, Object> body) {
        return given().header("X-API-KEY", API_KEY).contentType(ContentType.JSON).body(body)
                .post("/v1/companies/search").then().statusCode(200).extract().jsonPath();
    }

    private long count(String sql) {
        return Long.parseLong(IngestionFixture.query(dataSource, sql));
    }
}
