package com.dominusleads.ingestion.api;

import static com.dominusleads.ingestion.IngestionFixture.API_KEY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests get the contract's error shape with a code and a message that says what to do; nothing changes. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
class DirectoryApiErrorsTest {

    @Test
    void theDirectoryApiWantsAValidKey() {
        given().get("/v1/companies/33683111000280").then().statusCode(401)
                .body("error.code", equalTo("missing_api_key"));
        given().header("X-API-KEY", "guess").get("/v1/companies/33683111000280").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"));
        given().get("/health").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void malformedCnpjsAndSearchesAreRefusedNamingTheField() {
        given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", "33683111000281").then().statusCode(400)
                .body("error.code", equalTo("invalid_cnpj")).body("error.message", containsString("check digits"));
        given().header("X-API-KEY", API_KEY).get("/v1/companies/{cnpj}", "123").then().statusCode(400)
                .body("error.code", equalTo("invalid_cnpj"));
        search("{}").body("error.code", equalTo("invalid_cnaes")).body("error.details.field", equalTo("cnaes"));
        search("{\"cnaes\":[\"62\"]}").body("error.code", equalTo("invalid_cnaes"));
        search("{\"cnaes\":[\"6201501\"],\"uf\":\"ZZ\"}").body("error.code", equalTo("invalid_uf"));
        search("{\"cnaes\":[\"6201501\"],\"uf\":\"RJ\",\"municipio_ibge\":3550308}")
                .body("error.code", equalTo("invalid_municipio_ibge"))
                .body("error.message", containsString("São Paulo is in SP"));
        search("{\"cnaes\":[\"6201501\"],\"porte\":[\"GIGANTE\"]}").body("error.code", equalTo("invalid_porte"));
        search("{\"cnaes\":[\"6201501\"],\"situacao\":\"VIVA\"}").body("error.code", equalTo("invalid_situacao"));
        search("{\"cnaes\":[\"6201501\"],\"opened_after\":\"01/02/2020\"}").body("error.code", equalTo("invalid_opened_after"));
        search("{\"cnaes\":[\"6201501\"],\"capital_min\":-1}").body("error.code", equalTo("invalid_capital_min"));
        search("{\"cnaes\":[\"6201501\"],\"pagination\":{\"limit\":1000}}").body("error.code", equalTo("invalid_pagination_limit"));
        search("{\"cnaes\":[\"6201501\"],\"pagination\":{\"page\":600,\"limit\":20}}").body("error.code", equalTo("page_too_deep"))
                .body("error.message", containsString("next_cursor"));
        search("{\"cnaes\":[\"6201501\"],\"cursor\":\"not-a-cursor\"}").body("error.code", equalTo("invalid_cursor"));
        given().header("X-API-KEY", API_KEY).get("/v1/companies").then().statusCode(400)
                .body("error.code", equalTo("invalid_cnae_principal"));
    }

    @Test
    void theAdminApiIsForHostOperatorsOnly() {
        given().get("/api/ingestion/releases").then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }

    @Test
    @TestSecurity(user = "seller", roles = "sales")
    void aTenantUserCannotIngest() {
        given().contentType(ContentType.JSON).body(Map.of("releaseId", "x", "source", "/tmp"))
                .post("/api/ingestion/releases").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "operator", roles = "host-admin")
    void badIngestionRequestsChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("releaseId", "relative-" + System.nanoTime(), "source", "releases/2026-11"))
                .post("/api/ingestion/releases").then().statusCode(400).body("error.code", equalTo("invalid_source"))
                .body("error.message", containsString("absolute path"));
        given().contentType(ContentType.JSON).body(Map.of("releaseId", "missing-" + System.nanoTime(), "source", "/no/such/dir"))
                .post("/api/ingestion/releases").then().statusCode(400).body("error.code", equalTo("invalid_source"));
        given().contentType(ContentType.JSON).body(Map.of("releaseId", "bad id!", "source", "/tmp"))
                .post("/api/ingestion/releases").then().statusCode(400);
        given().get("/api/ingestion/releases/{id}", "no-such-release").then().statusCode(404)
                .body("error.code", equalTo("release_not_found"));
        given().contentType(ContentType.JSON).body(Map.of("file", "Estabelecimentos0.zip"))
                .post("/api/ingestion/releases/{id}/reprocess", "no-such-release").then().statusCode(404);
        given().get("/api/ingestion/releases/{id}", "relative-0").then().statusCode(404);
    }

    private static ValidatableResponse search(String body) {
        return given().header("X-API-KEY", API_KEY).contentType(ContentType.JSON).body(body)
                .post("/v1/companies/search").then().statusCode(400);
    }
}
