package com.dominusleads.ingestion.load;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
import static com.dominusleads.ingestion.IngestionFixture.awaitJob;
import static com.dominusleads.ingestion.IngestionFixture.ingest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.ingestion.IngestionFixture;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real Receita sample files (SERPRO's Brasília branch and its company, partners, Simples and lookups) through the
 * whole ingestion, then read back through the api-cnaes contract: every field as published, normalised as promised.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class SampleReleaseIngestionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void theRealSamplesAreServedFieldByField() {
        JsonPath job = awaitJob(ingest("samples-" + System.nanoTime(), IngestionFixture.sampleRelease()));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");

        String body = given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", "33.683.111/0002-80")
                .then().statusCode(200).extract().asString();
        JsonPath serpro = new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(serpro.getString("cnpj")).isEqualTo("33683111000280");
        assertThat(serpro.getString("cnpj_basico")).isEqualTo("33683111");
        assertThat(serpro.getString("razao_social")).isEqualTo("SERVICO FEDERAL DE PROCESSAMENTO DE DADOS (SERPRO)");
        assertThat(serpro.getString("nome_fantasia")).isEqualTo("REGIONAL BRASILIA-DF");
        assertThat(serpro.getString("matriz_filial")).isEqualTo("FILIAL");
        assertThat(serpro.getInt("situacao_cadastral.codigo")).isEqualTo(2);
        assertThat(serpro.getString("situacao_cadastral.descricao")).isEqualTo("ATIVA");
        assertThat(serpro.getString("data_situacao_cadastral")).isEqualTo("2004-05-22");
        assertThat(serpro.getString("motivo_situacao_cadastral.descricao")).isEqualTo("SEM  MOTIVO");
        assertThat(serpro.getString("data_inicio_atividade")).isEqualTo("1967-06-30");
        assertThat(serpro.getInt("natureza_juridica.codigo")).isEqualTo(2011);
        assertThat(serpro.getString("natureza_juridica.descricao")).isEqualTo("Empresa Pública");
        assertThat(serpro.getString("qualificacao_responsavel.descricao")).isEqualTo("Presidente");
        assertThat(serpro.getString("porte.descricao")).isEqualTo("DEMAIS");
        assertThat(serpro.getObject("capital_social", java.math.BigDecimal.class)).isEqualByComparingTo("1061004829.23");
        assertThat(serpro.getString("cnae_principal.codigo")).isEqualTo("6204000");
        assertThat(serpro.getString("cnae_principal.descricao")).isEqualTo("Consultoria em tecnologia da informação");
        assertThat(serpro.getList("cnaes_secundarios.codigo")).containsExactly("6201501", "6202300", "6203100",
                "6209100", "6311900");
        assertThat(serpro.getString("cnaes_secundarios[1].descricao"))
                .isEqualTo("Desenvolvimento e licenciamento de programas de computador customizáveis");
        assertThat(serpro.getString("endereco.tipo_logradouro")).isEqualTo("AVENIDA");
        assertThat(serpro.getString("endereco.logradouro")).isEqualTo("L2 SGAN");
        assertThat(serpro.getString("endereco.numero")).isEqualTo("601");
        assertThat(serpro.getString("endereco.complemento")).isEqualTo("MODULO G");
        assertThat(serpro.getString("endereco.bairro")).isEqualTo("ASA NORTE");
        assertThat(serpro.getString("endereco.cep")).isEqualTo("70836900");
        assertThat(serpro.getString("endereco.uf")).isEqualTo("DF");
        assertThat(serpro.getString("endereco.municipio")).isEqualTo("Brasília");
        assertThat(serpro.getInt("endereco.ibge_municipio_id")).isEqualTo(5300108);
        assertThat(serpro.getInt("endereco.codigo_municipio_receita")).isEqualTo(9701);
        assertThat(serpro.getList("telefones")).isEmpty();
        assertThat(serpro.getList("emails")).isEmpty();
        assertThat(serpro.getBoolean("simples.optante")).isTrue();
        assertThat(serpro.getString("simples.data_opcao")).isEqualTo("2014-01-01");
        assertThat(serpro.getString("simples.data_exclusao")).isNull();
        assertThat(serpro.getBoolean("simples.mei")).isFalse();
        assertThat(serpro.getList("data_issues")).isEmpty();
        assertThat(serpro.getList("socios")).hasSize(6);
        assertThat(serpro.getString("socios[0].nome")).isEqualTo("ANDRE DE CESERO");
        assertThat(serpro.getString("socios[0].documento")).as("CPF masked as published").isEqualTo("***220050**");
        assertThat(serpro.getString("socios[0].identificador")).isEqualTo("PESSOA FISICA");
        assertThat(serpro.getString("socios[0].qualificacao.descricao")).isEqualTo("Diretor");
        assertThat(serpro.getString("socios[0].data_entrada")).isEqualTo("2016-06-16");
        assertThat(serpro.getInt("socios[0].faixa_etaria")).isEqualTo(6);
        assertThat(serpro.getString("socios[5].qualificacao.descricao")).isEqualTo("Administrador");
    }

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void theSamplesAreFoundByPrincipalOrSecondaryCnaeUfAndMunicipality() {
        JsonPath job = awaitJob(ingest("samples-search-" + System.nanoTime(), IngestionFixture.sampleRelease()));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");

        search("{\"cnaes\":[\"6204000\"],\"uf\":\"DF\"}").body("meta.total_items", is(1))
                .body("meta.total_items_estimated", is(false)).body("data.cnpj", contains("33683111000280"));
        search("{\"cnaes\":[\"6201-5/01\", 6311900],\"municipio_ibge\":5300108}").body("meta.total_items", is(1))
                .body("data[0].cnae_principal.codigo", equalTo("6204000"));
        search("{\"cnaes\":[\"6201501\"],\"uf\":\"DF\",\"apenas_principal\":true}").body("meta.total_items", is(0))
                .body("data", hasSize(0)).body("meta.next_cursor", nullValue());
        search("{\"cnaes\":[\"6204000\"],\"uf\":\"SP\"}").body("meta.total_items", is(0));
        search("{\"cnaes\":[\"6204000\"],\"situacao\":\"BAIXADA\"}").body("meta.total_items", is(0));
        search("{\"cnaes\":[\"6204000\"],\"has_phone\":true}").body("meta.total_items", is(0));
        search("{\"cnaes\":[\"6204000\"],\"porte\":[\"DEMAIS\"],\"capital_min\":1000000000}").body("meta.total_items", is(1));
        search("{\"cnaes\":[\"6204000\"],\"capital_min\":2000000000}").body("meta.total_items", is(0));
        search("{\"cnaes\":[\"6204000\"],\"opened_after\":\"1967-06-30\"}").body("meta.total_items", is(1));
        search("{\"cnaes\":[\"6204000\"],\"opened_after\":\"1967-07-01\"}").body("meta.total_items", is(0));
        given().header("X-API-KEY", API_KEY).get("/v1/companies?cnae_principal=6204000&uf=DF").then().statusCode(200)
                .body("data.cnpj", contains("33683111000280")).body("meta.page", is(1));
    }

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void aReleaseIsDownloadedFromAnHttpBaseUrlAndAnnouncedOnceLive() throws Exception {
        Path dir = IngestionFixture.sampleRelease();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> requested = new CopyOnWriteArrayList<>();
        server.createContext("/dados_abertos_cnpj/2026-11/", exchange -> {
            String name = exchange.getRequestURI().getPath().replace("/dados_abertos_cnpj/2026-11/", "");
            requested.add(exchange.getRequestMethod() + " " + name);
            byte[] body;
            if (name.isEmpty()) {
                StringBuilder listing = new StringBuilder("<html><body><h1>Index of /2026-11</h1>");
                for (String zip : IngestionFixture.SAMPLE_ZIPS) {
                    listing.append("<a href=\"").append(zip).append("\">").append(zip).append("</a><br>");
                }
                body = listing.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html");
            } else if (Files.exists(dir.resolve(name))) {
                body = Files.readAllBytes(dir.resolve(name));
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String release = "from-http-" + System.nanoTime();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/dados_abertos_cnpj/2026-11/";
            JsonPath job = awaitJob(ingest(release, url));
            assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");
            assertThat(requested).contains("GET Estabelecimentos0.zip", "GET Empresas1.zip");
            given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", "33683111000280").then().statusCode(200)
                    .body("razao_social", equalTo("SERVICO FEDERAL DE PROCESSAMENTO DE DADOS (SERPRO)"));
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select count(*) from outbox where event_type = 'directory.release-ingested' and message_key = ?")) {
                s.setString(1, release);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("directory.release-ingested written with the switch").isEqualTo(1);
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private static io.restassured.response.ValidatableResponse search(String body) {
        return given().header("X-API-KEY", API_KEY).contentType("application/json").body(body)
                .post("/v1/companies/search").then().statusCode(200);
    }
}
