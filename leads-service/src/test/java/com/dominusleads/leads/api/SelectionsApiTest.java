package com.dominusleads.leads.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.dominusleads.events.Cnpj;
import com.dominusleads.leads.DirectoryTestResource;
import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Selections as a sales team makes them: the first N selectable companies of a search or companies picked by CNPJ,
 * each company and address at most once per tenant, reviewed and trimmed while a draft, and never a credit spent.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(DirectoryTestResource.class)
class SelectionsApiTest {

    private static final Map<String, Object> LAWYERS_IN_SP = Map.of("segment", "Advogados", "uf", "SP");

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    private LeadsFixture leads;

    @BeforeEach
    void connect() {
        leads = new LeadsFixture(pool, qualification);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-select-query"))
    void aSelectionFromASearchTakesItsFirstSelectableCompaniesAndSpendsNothing() {
        JsonPath made = select(Map.of("name", "Advogados SP", "filters", LAWYERS_IN_SP, "max", 50)).statusCode(201)
                .body("status", equalTo("DRAFT")).body("size", equalTo(50))
                .body("funnel.selected", equalTo(50)).body("funnel.queued", equalTo(0)).body("criteria.cnaes", equalTo(List.of("6911701")))
                .extract().jsonPath();
        String id = made.getString("id");

        List<String> selected = allPreleads(id);
        assertThat(selected).hasSize(50).doesNotHaveDuplicates();
        // Search order, without those the suite cannot contact (no mobile, no e-mail).
        List<String> reachable = reachableInSearchOrder(LAWYERS_IN_SP, 50);
        assertThat(selected).isEqualTo(reachable);
        int noContact = made.getInt("skipped.NO_CONTACT");
        assertThat(noContact).isEqualTo(skippedBefore(LAWYERS_IN_SP, reachable.get(49)));

        // Free: no lead, no event for the ledger (nor any other), for this tenant.
        assertThat(leads.count("select count(*) from lead where tenant_id = 'tenant-select-query'")).isZero();
        assertThat(leads.count("select count(*) from outbox where tenant_id = 'tenant-select-query'")).isZero();

        // The same search again takes the next 50: a company and an address are selected once per tenant.
        JsonPath next = select(Map.of("name", "Advogados SP 2", "filters", LAWYERS_IN_SP, "max", 50)).statusCode(201)
                .body("skipped.ALREADY_SELECTED", equalTo(50)).extract().jsonPath();
        List<String> second = allPreleads(next.getString("id"));
        assertThat(second).hasSize(50).doesNotContainAnyElementsOf(selected);
        assertThat(leads.count("""
                select count(*) from (select address from prelead_contact where tenant_id = 'tenant-select-query'
                group by address having count(*) > 1) shared""")).isZero();

        // Review: pages of the pre-leads with the addresses they will be contacted at.
        given().get("/api/leads/selections/" + id + "/preleads?limit=20").then().statusCode(200)
                .body("preleads.size()", equalTo(20)).body("preleads[0].position", equalTo(1))
                .body("preleads[0].contacts.size()", not(equalTo(0)))
                .body("preleads[0].company.cnpj", equalTo(selected.get(0)));
        given().get("/api/leads/selections").then().statusCode(200)
                .body("selections.name", equalTo(List.of("Advogados SP 2", "Advogados SP")));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-select-ids"))
    void aSelectionByIdsSaysWhyEachLeftOutCompanyIsLeftOut() throws Exception {
        List<String> reachable = reachableInSearchOrder(Map.of("segment", "Contabilidade", "uf", "PR"), 3);
        String unknown = unknownCnpj();
        leads.qualify("tenant-select-ids", reachable.get(2));

        select(Map.of("name", "À mão", "cnpjs", List.of(reachable.get(0), "11.222.333/0001-00"))).statusCode(400)
                .body("error.code", equalTo("invalid_cnpj")).body("error.details.position", equalTo(1));
        JsonPath made = select(Map.of("name", "À mão", "cnpjs", List.of(format(reachable.get(0)), reachable.get(1),
                unknown, reachable.get(2), reachable.get(0)))).statusCode(201)
                .body("size", equalTo(2)).body("criteria", nullValue())
                .body("skipped", equalTo(Map.of("NOT_FOUND", 1, "IN_CRM", 1))).extract().jsonPath();

        assertThat(allPreleads(made.getString("id"))).containsExactly(reachable.get(0), reachable.get(1));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-select-trim"))
    void aDraftIsTrimmedAndADeletedSelectionFreesItsCompanies() {
        String id = select(Map.of("name", "Padarias RJ", "filters", Map.of("segment", "Padarias", "uf", "RJ"),
                "max", 10)).statusCode(201).extract().path("id");
        List<String> selected = allPreleads(id);

        given().contentType(ContentType.JSON).body(Map.of("remove", List.of(selected.get(1), selected.get(3))))
                .post("/api/leads/selections/" + id + "/trim").then().statusCode(200).body("size", equalTo(8));
        given().contentType(ContentType.JSON).body(Map.of("keep", 5))
                .post("/api/leads/selections/" + id + "/trim").then().statusCode(200).body("size", equalTo(5));
        assertThat(allPreleads(id)).containsExactly(selected.get(0), selected.get(2), selected.get(4), selected.get(5),
                selected.get(6));
        given().contentType(ContentType.JSON).body(Map.of("keep", 0))
                .post("/api/leads/selections/" + id + "/trim").then().statusCode(400).body("error.code", equalTo("invalid_trim"));

        // A company trimmed out can be selected again; so can all of a deleted selection's.
        select(Map.of("name", "De volta", "cnpjs", List.of(selected.get(1)))).statusCode(201).body("size", equalTo(1));
        given().delete("/api/leads/selections/" + id).then().statusCode(204);
        given().get("/api/leads/selections/" + id).then().statusCode(404).body("error.code", equalTo("selection_not_found"));
        select(Map.of("name", "Outra vez", "cnpjs", selected.subList(2, 7))).statusCode(201).body("size", equalTo(5));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-select-errors"))
    void badSelectionsAreRefusedAndNothingIsSaved() {
        select(Map.of("name", "x", "filters", LAWYERS_IN_SP)).statusCode(400).body("error.code", equalTo("invalid_max"));
        select(Map.of("name", "x", "filters", LAWYERS_IN_SP, "max", 50_000)).statusCode(400)
                .body("error.code", equalTo("invalid_max"));
        select(Map.of("name", "x", "filters", LAWYERS_IN_SP, "max", 5, "cnpjs", List.of("11222333000181")))
                .statusCode(400).body("error.code", equalTo("invalid_selection"));
        select(Map.of("name", "x")).statusCode(400).body("error.code", equalTo("invalid_selection"));
        select(Map.of("name", "x", "filters", Map.of("segment", "Astronautas"), "max", 5)).statusCode(400)
                .body("error.code", equalTo("unknown_segment"));
        given().get("/api/leads/selections?cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                .body("error.code", equalTo("invalid_cursor"));

        given().get("/api/leads/selections").then().statusCode(200).body("selections", equalTo(List.of()));
        assertThat(leads.count("select count(*) from selection where tenant_id = 'tenant-select-errors'")).isZero();
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-select-other"))
    void anotherTenantsSelectionDoesNotExistHere() {
        String theirs = leads.selectionOf("tenant-select-owner", "Deles");

        given().get("/api/leads/selections/" + theirs).then().statusCode(404);
        given().get("/api/leads/selections/" + theirs + "/preleads").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("keep", 1))
                .post("/api/leads/selections/" + theirs + "/trim").then().statusCode(404);
        given().delete("/api/leads/selections/" + theirs).then().statusCode(404);
        given().get("/api/leads/selections").then().statusCode(200).body("selections.id", not(hasItem(theirs)));
        assertThat(leads.count("select count(*) from selection where id = $1::uuid", theirs)).isOne();
    }

    private static io.restassured.response.ValidatableResponse select(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/leads/selections").then();
    }

    private static List<String> allPreleads(String selectionId) {
        List<String> cnpjs = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().get("/api/leads/selections/" + selectionId + "/preleads?limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            cnpjs.addAll(page.getList("preleads.cnpj", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return cnpjs;
    }

    /** The first {@code count} companies of the search the suite can contact (a mobile or an e-mail). */
    private static List<String> reachableInSearchOrder(Map<String, Object> filters, int count) {
        List<String> reachable = new ArrayList<>();
        for (Map<String, Object> result : searchPage(filters)) {
            if (reachable.size() < count && isReachable(result)) {
                reachable.add(((Map<?, ?>) result.get("company")).get("cnpj").toString());
            }
        }
        return reachable;
    }

    /** How many unreachable companies come before {@code cnpj} in the search. */
    private static int skippedBefore(Map<String, Object> filters, String cnpj) {
        int skipped = 0;
        for (Map<String, Object> result : searchPage(filters)) {
            if (((Map<?, ?>) result.get("company")).get("cnpj").equals(cnpj)) {
                return skipped;
            }
            skipped += isReachable(result) ? 0 : 1;
        }
        throw new AssertionError(cnpj + " is not in the search's first page");
    }

    private static List<Map<String, Object>> searchPage(Map<String, Object> filters) {
        return given().contentType(ContentType.JSON).body(filters).post("/api/leads/searches?limit=100").then()
                .statusCode(200).extract().jsonPath().getList("results");
    }

    private static boolean isReachable(Map<String, Object> result) {
        Map<?, ?> company = (Map<?, ?>) result.get("company");
        return ((List<?>) company.get("phones")).stream().anyMatch(phone -> Boolean.TRUE.equals(((Map<?, ?>) phone).get("mobile")))
                || !((List<?>) company.get("emails")).isEmpty();
    }

    /** A valid CNPJ the directory does not know (5 % of them, by the simulator's seed). */
    private static String unknownCnpj() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> tried = new HashSet<>();
        for (int base = 10_000_000; ; base += 7_919) {
            String cnpj = Cnpj.withCheckDigits(String.format("%08d0001", base)).value();
            if (tried.add(cnpj) && http.send(HttpRequest.newBuilder(URI.create(DirectoryTestResource.directory().apiUri()
                            + "/companies/" + cnpj)).header("X-API-KEY", DirectoryTestResource.KEY).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                return cnpj;
            }
        }
    }

    private static String format(String cnpj) {
        return cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8) + "/" + cnpj.substring(8, 12)
                + "-" + cnpj.substring(12);
    }
}
