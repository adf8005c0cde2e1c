package com.dominusleads.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.companydata.CompanyDataApi;
import com.dominusleads.companydata.CompanyDataException;
import com.dominusleads.companydata.CompanyDocument;
import com.dominusleads.companydata.CompanySearch;
import com.dominusleads.companydata.CompanySearchStream;
import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.CnaeCatalog;
import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Searches: the local directory answers unless it has nothing for the area or cannot answer; paging never switches. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(Simulators.class)
class CompanySearchesTest extends GatewayTest {

    @TestHTTPResource("/v1")
    URI gatewayApi;

    private static String search(String cnae, String uf, int page, int limit) {
        return new JsonObject().put("cnaes", List.of(cnae)).put("uf", uf)
                .put("pagination", new JsonObject().put("page", page).put("limit", limit)).encode();
    }

    private static JsonPath post(String body, int status) {
        return gateway().body(body).post("/v1/companies/search").then().statusCode(status).extract().jsonPath();
    }

    /** The total a simulator gives a search, asked directly (the probe is not counted). */
    private static long totalAt(ApiCnaesSimulator simulator, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.apiUri() + "/companies/search"))
                .header("X-API-KEY", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        simulator.calls().reset();
        return new JsonObject(answer).getJsonObject("meta").getLong("total_items");
    }

    private static String onlyRemote;

    /** A CNAE whose search in SP the local directory has nothing for while the remote API has results. */
    private static String cnaeOnlyTheRemoteHas() throws Exception {
        if (onlyRemote != null) {
            return onlyRemote;
        }
        for (Cnae known : CnaeCatalog.instance().all()) {
            String cnae = String.format("%07d", known.code());
            String body = search(cnae, "SP", 1, 10);
            if (totalAt(Simulators.local(), Simulators.LOCAL_KEY, body) == 0
                    && totalAt(Simulators.remote(), Simulators.REMOTE_KEY, body) > 0) {
                onlyRemote = cnae;
                return cnae;
            }
        }
        throw new IllegalStateException("no CNAE found that only the remote simulator has results for");
    }

    private static String cnaeTheLocalHas() throws Exception {
        for (String cnae : List.of("6201501", "4711302", "5611201", "8630503", "4781400")) {
            if (totalAt(Simulators.local(), Simulators.LOCAL_KEY, search(cnae, "SP", 1, 10)) > 25) {
                return cnae;
            }
        }
        throw new IllegalStateException("no common CNAE with results in the local simulator");
    }

    @Test
    void anAreaTheLocalDirectoryHasIsAnsweredLocally() throws Exception {
        String cnae = cnaeTheLocalHas();

        JsonPath page = post(search(cnae, "SP", 1, 10), 200);

        assertThat(page.getString("meta.source")).isEqualTo("local");
        assertThat(page.getList("data")).hasSize(10);
        assertThat(page.getList("data.source")).containsOnly("local");
        assertThat(Simulators.remote().calls().total()).isZero();
    }

    @Test
    void anAreaTheLocalDirectoryHasNothingForIsAnsweredByTheRemoteOnEveryPage() throws Exception {
        String cnae = cnaeOnlyTheRemoteHas();

        JsonPath first = post(search(cnae, "SP", 1, 5), 200);
        JsonPath second = post(search(cnae, "SP", 2, 5), 200);

        assertThat(first.getString("meta.source")).isEqualTo("remote");
        assertThat(second.getString("meta.source")).isEqualTo("remote");
        assertThat(first.getLong("meta.total_items")).isPositive();
        assertThat(first.getList("data.source")).containsOnly("remote");
        assertThat(Simulators.remote().calls().count(CallLog.Kind.SEARCH)).isEqualTo(2);
    }

    @Test
    void whenTheLocalDirectoryIsDownTheRemoteSearches() throws Exception {
        String cnae = cnaeTheLocalHas();
        Simulators.local().faults().connectionResetRate(1);

        assertThat(post(search(cnae, "SP", 1, 10), 200).getString("meta.source")).isEqualTo("remote");
    }

    @Test
    void theListingByPrincipalCnaeIsRoutedTheSameWay() throws Exception {
        String cnae = cnaeTheLocalHas();
        gateway().get("/v1/companies?cnae_principal=" + cnae + "&uf=SP&limit=5").then().statusCode(200)
                .body("meta.source", equalTo("local"));
        Simulators.local().faults().serverErrorRate(1);
        gateway().get("/v1/companies?cnae_principal=" + cnae + "&uf=SP&limit=5").then().statusCode(200)
                .body("meta.source", equalTo("remote"));
        assertThat(Simulators.remote().calls().count(CallLog.Kind.LIST)).isEqualTo(1);
    }

    @Test
    void aRemotePageWithoutMetaGetsOneWithAnUnknownTotal() throws Exception {
        String cnae = cnaeOnlyTheRemoteHas();
        Simulators.remote().faults().missingMeta(true);

        JsonPath page = post(search(cnae, "SP", 2, 5), 200);

        assertThat(page.getString("meta.source")).isEqualTo("remote");
        assertThat(page.getInt("meta.page")).isEqualTo(2);
        assertThat(page.getInt("meta.limit")).isEqualTo(5);
        assertThat(page.get("meta.total_items") == null).isTrue();
    }

    @Test
    void badSearchesAre400AndReachNoSide() {
        for (String bad : List.of("", "[1,2]", "{}", "{\"cnaes\":[]}", "{\"cnaes\":[\"62\"]}",
                "{\"cnaes\":[\"6201501\"],\"uf\":\"XX\"}", "{\"cnaes\":[\"6201501\"],\"pagination\":{\"limit\":1000}}",
                "{\"cnaes\":[\"6201501\"],\"pagination\":{\"page\":0}}")) {
            gateway().body(bad).post("/v1/companies/search").then().statusCode(400)
                    .body("error.code", org.hamcrest.Matchers.startsWith("invalid_"));
        }
        gateway().get("/v1/companies?uf=SP").then().statusCode(400).body("error.code", equalTo("invalid_cnae_principal"));
        gateway().get("/v1/companies?cnae_principal=6201501&page=abc").then().statusCode(400)
                .body("error.code", equalTo("invalid_pagination_page"));
        gateway().body("{\"cnaes\":[\"6201501\"],\"cursor\":\"not-one-of-ours\"}").post("/v1/companies/search")
                .then().statusCode(400).body("error.code", equalTo("invalid_cursor"));
        assertThat(Simulators.local().calls().total()).isZero();
        assertThat(Simulators.remote().calls().total()).isZero();
    }

    @Test
    void cnaeCodesWithPunctuationAreSentOnAsSevenDigits() throws Exception {
        String cnae = cnaeTheLocalHas();
        String punctuated = cnae.substring(0, 4) + "-" + cnae.charAt(4) + "/" + cnae.substring(5);

        JsonPath page = post("{\"cnaes\":[\"" + punctuated + "\"],\"uf\":\"sp\"}", 200);

        assertThat(page.getString("meta.source")).isEqualTo("local");
        assertThat(page.getList("data")).isNotEmpty();
    }

    @Test
    void aCursorTakesTheNextPageFromTheSideThatIssuedIt() throws Exception {
        String local = cnaeTheLocalHas();
        JsonPath first = post(search(local, "SP", 1, 5), 200);
        String localCursor = first.getString("meta.next_cursor");
        assertThat(localCursor).startsWith("l:");
        JsonPath next = post(new JsonObject().put("cnaes", List.of(local)).put("uf", "SP")
                .put("pagination", new JsonObject().put("limit", 5)).put("cursor", localCursor).encode(), 200);
        assertThat(next.getString("meta.source")).isEqualTo("local");
        assertThat(next.getList("data.cnpj")).doesNotContainAnyElementsOf(first.getList("data.cnpj"));

        String remoteOnly = cnaeOnlyTheRemoteHas();
        String remoteCursor = post(search(remoteOnly, "SP", 1, 5), 200).getString("meta.next_cursor");
        assertThat(remoteCursor).startsWith("r:");
        long localSearches = Simulators.local().calls().count(CallLog.Kind.SEARCH);
        JsonPath remotePage = post(new JsonObject().put("cnaes", List.of(remoteOnly)).put("uf", "SP")
                .put("pagination", new JsonObject().put("limit", 5)).put("cursor", remoteCursor).encode(), 200);
        assertThat(remotePage.getString("meta.source")).isEqualTo("remote");
        assertThat(Simulators.local().calls().count(CallLog.Kind.SEARCH)).isEqualTo(localSearches);
    }

    @Test
    void requestsWithoutTheGatewayKeyAre401() {
        io.restassured.RestAssured.given().get("/v1/companies/11222333000181").then().statusCode(401)
                .body("error.code", equalTo("missing_api_key"));
        io.restassured.RestAssured.given().header("X-API-KEY", "wrong").get("/v1/companies/11222333000181").then()
                .statusCode(401).body("error.code", equalTo("invalid_api_key"));
        io.restassured.RestAssured.given().get("/health").then().statusCode(200).body("status", equalTo("ok"))
                .body("local.circuit", equalTo("closed")).body("remote.circuit", equalTo("closed"));
    }

    /** The typed client leads-service uses, streaming a whole search through the gateway page after page. */
    @Test
    void theTypedClientStreamsEveryCompanyOfASearchUpToItsCap() throws Exception {
        String cnae = cnaeOnlyTheRemoteHas();
        CompanyDataApi api = QuarkusRestClientBuilder.newBuilder().baseUri(gatewayApi)
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("X-API-KEY", GATEWAY_KEY))
                .build(CompanyDataApi.class);
        CompanySearch search = new CompanySearch(List.of(cnae), "SP", null, null, null, null, null, null, null, null,
                null, null, new CompanySearch.Pagination(null, 7), null);
        long total = totalAt(Simulators.remote(), Simulators.REMOTE_KEY, search(cnae, "SP", 1, 7));

        List<CompanyDocument> all = CompanySearchStream.of(api::search, search, 10_000).collect().asList()
                .await().atMost(Duration.ofSeconds(60));
        List<CompanyDocument> capped = CompanySearchStream.of(api::search, search, 10).collect().asList()
                .await().atMost(Duration.ofSeconds(60));

        assertThat(all).hasSize((int) Math.min(total, 10_000));
        assertThat(new HashSet<>(all.stream().map(CompanyDocument::cnpj).toList())).hasSize(all.size());
        assertThat(all).allSatisfy(company -> assertThat(company.source()).isEqualTo(CompanyDocument.Source.REMOTE));
        assertThat(capped).hasSize((int) Math.min(total, 10));
        assertThat(capped).extracting(CompanyDocument::cnpj).isEqualTo(all.subList(0, capped.size()).stream()
                .map(CompanyDocument::cnpj).toList());

        CompanyDataException refused = org.assertj.core.api.Assertions.catchThrowableOfType(CompanyDataException.class,
                () -> api.company("11222333000182").await().atMost(Duration.ofSeconds(30)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("invalid_cnpj");
    }
}
