package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging through a search lists exactly total_items distinct, valid companies, every one matching the filters. */
class PagingTest {

    private static ApiCnaesSimulator simulator;
    private static Http http;

    @BeforeAll
    static void start() {
        simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(7, Http.KEY).withUnknownCnpjShare(0.2));
        http = Http.withKey(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void pagingThroughASearchYieldsTotalItemsDistinctMatchingCompanies() throws IOException {
        List<String> cnaes = List.of("6201501", "6202300");
        String filters = "\"cnaes\":[\"6201501\",\"6202300\"],\"uf\":\"MG\",\"porte\":[\"01\",\"EPP\"],"
                + "\"excluir_mei\":true,\"capital_min\":20000";

        int limit = 100;
        JsonNode first = Http.json(http.post("/v1/companies/search", "{" + filters + ",\"pagination\":{\"page\":1,"
                + "\"limit\":" + limit + "}}"));
        int total = first.at("/meta/total_items").asInt();
        assertThat(total).isPositive();

        List<JsonNode> all = new ArrayList<>();
        int pages = (total + limit - 1) / limit;
        for (int page = 1; page <= pages; page++) {
            JsonNode body = Http.json(http.post("/v1/companies/search", "{" + filters + ",\"pagination\":{\"page\":"
                    + page + ",\"limit\":" + limit + "}}"));
            assertThat(body.at("/meta/total_items").asInt()).isEqualTo(total);
            assertThat(body.at("/meta/page").asInt()).isEqualTo(page);
            assertThat(body.get("data").size()).isEqualTo(Math.min(limit, total - (page - 1) * limit));
            assertThat(body.at("/meta/next_cursor").isNull()).isEqualTo(page == pages);
            body.get("data").forEach(all::add);
        }
        JsonNode past = Http.json(http.post("/v1/companies/search", "{" + filters + ",\"pagination\":{\"page\":"
                + (pages + 1) + ",\"limit\":" + limit + "}}"));
        assertThat(past.get("data").size()).isZero();

        Set<String> cnpjs = new HashSet<>();
        boolean someBySecondary = false;
        for (JsonNode company : all) {
            String cnpj = company.get("cnpj").asText();
            assertThat(Cnpj.isValid(cnpj)).as(cnpj).isTrue();
            cnpjs.add(cnpj);
            Set<String> activities = new LinkedHashSet<>();
            activities.add(company.at("/cnae_principal/codigo").asText());
            company.get("cnaes_secundarios").forEach(c -> activities.add(c.get("codigo").asText()));
            assertThat(activities).as(cnpj).containsAnyElementsOf(cnaes);
            someBySecondary |= !cnaes.contains(company.at("/cnae_principal/codigo").asText());
            assertThat(company.at("/endereco/uf").asText()).isEqualTo("MG");
            assertThat(company.at("/porte/codigo").asInt()).isIn(1, 3);
            assertThat(company.get("simples").isNull() || !company.at("/simples/mei").asBoolean()).isTrue();
            assertThat(company.get("capital_social").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("20000"));
            assertThat(company.at("/situacao_cadastral/descricao").asText()).isEqualTo("ATIVA");
        }
        assertThat(cnpjs).hasSize(total);
        assertThat(someBySecondary).as("some companies match by a secondary CNAE").isTrue();

        // Every listed company exists (none of the unknown share is ever listed).
        for (JsonNode company : all.subList(0, Math.min(20, all.size()))) {
            assertThat(http.get("/v1/companies/" + company.get("cnpj").asText()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void followingTheCursorListsTheSameCompaniesAsPageNumbers() throws IOException {
        String filters = "\"cnaes\":[\"4711302\"],\"municipio_ibge\":3304557";
        List<String> byPage = new ArrayList<>();
        List<String> byCursor = new ArrayList<>();
        JsonNode body = Http.json(http.post("/v1/companies/search", "{" + filters + ",\"pagination\":{\"limit\":50}}"));
        int total = body.at("/meta/total_items").asInt();
        assertThat(total).isPositive();
        while (true) {
            body.get("data").forEach(c -> byCursor.add(c.get("cnpj").asText()));
            JsonNode cursor = body.at("/meta/next_cursor");
            if (cursor.isNull()) {
                break;
            }
            body = Http.json(http.post("/v1/companies/search", "{" + filters + ",\"cursor\":\"" + cursor.asText()
                    + "\",\"pagination\":{\"limit\":50}}"));
        }
        for (int page = 1; (page - 1) * 50 < total; page++) {
            Http.json(http.post("/v1/companies/search", "{" + filters + ",\"pagination\":{\"page\":" + page
                    + ",\"limit\":50}}")).get("data").forEach(c -> byPage.add(c.get("cnpj").asText()));
        }
        assertThat(byCursor).hasSize(total).doesNotHaveDuplicates().isEqualTo(byPage);
        byCursor.forEach(cnpj -> assertThat(cnpj).matches("[0-9]{14}"));
    }

    @Test
    void listingHoldsOnlyThePrincipalCnaeAndTheUf() throws IOException {
        JsonNode first = Http.json(http.get("/v1/companies?cnae_principal=8630-5/04&uf=BA&limit=100"));
        int total = first.at("/meta/total_items").asInt();
        Set<String> cnpjs = new HashSet<>();
        for (int page = 1; (page - 1) * 100 < total; page++) {
            for (JsonNode company : Http.json(http.get("/v1/companies?cnae_principal=8630504&uf=BA&limit=100&page="
                    + page)).get("data")) {
                assertThat(company.at("/cnae_principal/codigo").asText()).isEqualTo("8630504");
                assertThat(company.at("/endereco/uf").asText()).isEqualTo("BA");
                cnpjs.add(company.get("cnpj").asText());
            }
        }
        assertThat(cnpjs).hasSize(total);
    }

    @Test
    void searchesThatCannotMatchAreEmpty() throws IOException {
        JsonNode abroad = Http.json(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"uf\":\"EX\"}"));
        JsonNode tooRich = Http.json(http.post("/v1/companies/search",
                "{\"cnaes\":[\"6201501\"],\"porte\":[\"ME\"],\"capital_min\":1000000000}"));
        JsonNode noSuchCnae = Http.json(http.post("/v1/companies/search", "{\"cnaes\":[\"0000001\"]}"));

        for (JsonNode body : List.of(abroad, tooRich, noSuchCnae)) {
            assertThat(body.at("/meta/total_items").asInt()).isZero();
            assertThat(body.get("data").size()).isZero();
            assertThat(body.at("/meta/next_cursor").isNull()).isTrue();
        }
    }

    @Test
    void totalsVaryWithTheQueryAndStayWithinBounds() throws IOException {
        Set<Integer> totals = new HashSet<>();
        for (String cnae : List.of("6201501", "4711302", "5611201", "4781400", "8630504", "9602501", "4930202",
                "4120400")) {
            int total = Http.json(http.get("/v1/companies?cnae_principal=" + cnae + "&uf=SP")).at("/meta/total_items")
                    .asInt();
            assertThat(total).isBetween(0, SyntheticDirectory.MAX_TOTAL);
            totals.add(total);
        }
        assertThat(totals).hasSizeGreaterThan(4);
    }
}
