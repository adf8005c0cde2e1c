package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract's endpoints and JSON shapes (DESIGN §6, and the local directory's copy in ingestion-service). */
class ContractTest {

    private static final List<String> COMPANY_FIELDS = List.of("cnpj", "cnpj_basico", "razao_social", "nome_fantasia",
            "matriz_filial", "situacao_cadastral", "data_situacao_cadastral", "motivo_situacao_cadastral",
            "situacao_especial", "data_situacao_especial", "data_inicio_atividade", "natureza_juridica",
            "qualificacao_responsavel", "porte", "capital_social", "ente_federativo", "cnae_principal",
            "cnaes_secundarios", "endereco", "telefones", "fax", "emails", "simples", "data_issues");

    private static ApiCnaesSimulator simulator;
    private static Http http;

    @BeforeAll
    static void start() {
        simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(42, Http.KEY).withUnknownCnpjShare(0));
        http = Http.withKey(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void companyDocumentHasTheContractFields() throws IOException {
        HttpResponse<String> response = http.get("/v1/companies/11222333000181");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode company = Http.json(response);
        List<String> fields = new ArrayList<>();
        company.fieldNames().forEachRemaining(fields::add);
        List<String> expected = new ArrayList<>(COMPANY_FIELDS);
        expected.add("socios");
        assertThat(fields).containsExactlyElementsOf(expected);
        assertThat(company.get("cnpj").asText()).isEqualTo("11222333000181");
        assertThat(company.get("cnpj_basico").asText()).isEqualTo("11222333");
        assertThat(company.get("razao_social").asText()).isNotBlank();
        assertThat(company.at("/situacao_cadastral/codigo").isInt()).isTrue();
        assertThat(company.at("/situacao_cadastral/descricao").asText()).isIn("ATIVA", "BAIXADA", "INAPTA", "SUSPENSA",
                "NULA");
        assertThat(company.at("/cnae_principal/codigo").asText()).matches("[0-9]{7}");
        assertThat(company.at("/cnae_principal/descricao").asText()).isNotBlank();
        assertThat(company.get("cnaes_secundarios").isArray()).isTrue();
        company.get("cnaes_secundarios").forEach(c -> assertThat(c.get("codigo").asText()).matches("[0-9]{7}"));
        JsonNode address = company.get("endereco");
        assertThat(address.get("uf").asText()).matches("[A-Z]{2}");
        assertThat(address.get("municipio").asText()).isNotBlank();
        assertThat(address.get("ibge_municipio_id").asInt()).isBetween(1_100_000, 5_399_999);
        assertThat(address.get("cep").asText()).matches("[0-9]{8}");
        company.get("telefones").forEach(phone -> {
            assertThat(phone.get("ddd").asText()).matches("[1-9][0-9]");
            assertThat(phone.get("tipo").asText()).isIn("MOVEL", "FIXO");
            assertThat(phone.get("e164").asText()).isEqualTo("+55" + phone.get("ddd").asText()
                    + phone.get("numero").asText());
        });
        assertThat(company.get("emails").isArray()).isTrue();
        assertThat(company.get("socios").isArray()).isTrue();
        assertThat(company.get("capital_social").isNumber()).isTrue();
        assertThat(company.at("/porte/codigo").asInt()).isIn(0, 1, 3, 5);
    }

    @Test
    void companyAcceptsPunctuationAndAnswersTheBareCnpj() throws IOException {
        JsonNode plain = Http.json(http.get("/v1/companies/11222333000181"));
        JsonNode punctuated = Http.json(http.get("/v1/companies/11.222.333%2F0001-81"));

        assertThat(punctuated).isEqualTo(plain);
    }

    @Test
    void alphanumericCnpjsHaveDocumentsToo() throws IOException {
        String cnpj = Cnpj.withCheckDigits("12ABC34501DE").value();

        HttpResponse<String> response = http.get("/v1/companies/" + cnpj);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("cnpj").asText()).isEqualTo(cnpj);
    }

    @Test
    void malformedCnpjIs400WithTheErrorShape() throws IOException {
        for (String bad : List.of("123", "11222333000182", "11111111111111", "1122233300018X")) {
            HttpResponse<String> response = http.get("/v1/companies/" + bad);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertError(response, "invalid_cnpj");
        }
    }

    @Test
    void unknownCnpjIs404() throws IOException {
        try (ApiCnaesSimulator all = ApiCnaesSimulator.start(0, SimulatorOptions.of(42, Http.KEY)
                .withUnknownCnpjShare(0.999))) {
            HttpResponse<String> response = Http.withKey(all).get("/v1/companies/11222333000181");

            assertThat(response.statusCode()).isEqualTo(404);
            assertError(response, "company_not_found");
        }
    }

    @Test
    void searchAnswersMetaAndData() throws IOException {
        HttpResponse<String> response = http.post("/v1/companies/search", """
                {"cnaes":["6201501","4711-3/02"],"uf":"sp","porte":["ME","EPP"],"capital_min":1000,
                 "excluir_mei":true,"pagination":{"page":1,"limit":5}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        JsonNode meta = body.get("meta");
        assertThat(meta.get("page").asInt()).isEqualTo(1);
        assertThat(meta.get("limit").asInt()).isEqualTo(5);
        assertThat(meta.get("total_items").asInt()).isBetween(0, 5_000);
        assertThat(meta.get("total_items_estimated").asBoolean()).isFalse();
        assertThat(meta.has("next_cursor")).isTrue();
        assertThat(body.get("data").size()).isEqualTo(Math.min(5, meta.get("total_items").asInt()));
        List<String> fields = new ArrayList<>();
        body.get("data").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(COMPANY_FIELDS); // search results carry no partners
    }

    @Test
    void aCompanyFoundBySearchIsTheSameWhenLookedUp() throws IOException {
        JsonNode page = null;
        for (String cnae : List.of("5611201", "5611203", "4711302", "6201501")) { // a few: 4% of searches are empty
            page = Http.json(http.post("/v1/companies/search", """
                    {"cnaes":["%s"],"municipio_ibge":"3550308","pagination":{"limit":10}}""".formatted(cnae)));
            if (!page.get("data").isEmpty()) {
                break;
            }
        }

        assertThat(page.get("data").size()).isPositive();
        for (JsonNode listed : page.get("data")) {
            JsonNode looked = Http.json(http.get("/v1/companies/" + listed.get("cnpj").asText()));
            ObjectNode withoutPartners = looked.deepCopy();
            withoutPartners.remove("socios");
            assertThat(withoutPartners).isEqualTo(listed);
        }
    }

    @Test
    void listingByPrincipalCnaeAndUf() throws IOException {
        HttpResponse<String> response = http.get("/v1/companies?cnae_principal=6201501&uf=RJ&page=2&limit=7");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.at("/meta/page").asInt()).isEqualTo(2);
        assertThat(body.at("/meta/limit").asInt()).isEqualTo(7);
        for (JsonNode company : body.get("data")) {
            assertThat(company.at("/cnae_principal/codigo").asText()).isEqualTo("6201501");
            assertThat(company.at("/endereco/uf").asText()).isEqualTo("RJ");
        }
    }

    @Test
    void invalidSearchesAre400NamingTheField() throws IOException {
        assertThat(Http.json(http.post("/v1/companies/search", "{}")).at("/error/code").asText())
                .isEqualTo("invalid_cnaes");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"62015\"]}"), "invalid_cnaes");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"uf\":\"XX\"}"), "invalid_uf");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"municipio_ibge\":\"9999999\"}"),
                "invalid_municipio_ibge");
        assertError(http.post("/v1/companies/search",
                "{\"cnaes\":[\"6201501\"],\"uf\":\"RJ\",\"municipio_ibge\":3550308}"), "invalid_municipio_ibge");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"capital_min\":-1}"),
                "invalid_capital_min");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"porte\":[\"GIGANTE\"]}"),
                "invalid_porte");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"excluir_mei\":\"sim\"}"),
                "invalid_excluir_mei");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"pagination\":{\"limit\":101}}"),
                "invalid_pagination_limit");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"pagination\":{\"page\":0}}"),
                "invalid_pagination_page");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"pagination\":{\"page\":200,"
                + "\"limit\":100}}"), "page_too_deep");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"],\"cursor\":\"nonsense\"}"),
                "invalid_cursor");
        assertError(http.post("/v1/companies/search", "{\"cnaes\":"), "invalid_body");
        assertError(http.get("/v1/companies"), "invalid_cnae_principal");
        assertError(http.get("/v1/companies?cnae_principal=6201501&limit=abc"), "invalid_limit");
        assertError(http.get("/v1/companies?cnae_principal=6201501&uf=ZZ"), "invalid_uf");
    }

    @Test
    void healthAtTheRootAndUnderTheBasePathWithoutKey() throws IOException {
        Http anonymous = new Http(simulator.baseUri());
        for (String path : List.of("/health", "/v1/health")) {
            HttpResponse<String> response = anonymous.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(Http.json(response).get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws IOException {
        assertError(http.get("/v2/companies/11222333000181"), "not_found");
        assertThat(http.get("/v2/companies/11222333000181").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = http.get("/v1/companies/search");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertError(wrongMethod, "method_not_allowed");
    }

    static void assertError(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 599);
        JsonNode error = Http.json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("details").isObject()).isTrue();
    }
}
