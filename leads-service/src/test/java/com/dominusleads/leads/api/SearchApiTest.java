package com.dominusleads.leads.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.dominusleads.events.Topics;
import com.dominusleads.events.message.ContactOptedOut;
import com.dominusleads.leads.DirectoryTestResource;
import com.dominusleads.leads.LeadsFixture;
import com.dominusleads.leads.domain.LeadQualification;
import com.dominusleads.servicekit.outbox.EventPayloadEncoder;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.EventProducer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-lead search as a sales user runs it: by segment or CNAE, in a UF or a municipality named as people type it,
 * each company with its contactability, without the tenant's leads and opted-out contacts, remembered in the user's
 * recent searches; and every bad filter refused with the field at fault before the directory is asked.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(DirectoryTestResource.class)
class SearchApiTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    LeadQualification qualification;

    @Inject
    EventPayloadEncoder encoder;

    private LeadsFixture leads;

    @BeforeEach
    void connect() {
        leads = new LeadsFixture(pool, qualification);
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-segment"))
    void aSegmentSearchListsItsCompaniesWithTheirContactability() {
        JsonPath page = search(Map.of("segment", "advogados", "uf", "sp"), 30).statusCode(200).extract().jsonPath();

        List<Map<String, Object>> results = page.getList("results");
        assertThat(results).hasSize(30);
        assertThat(page.getLong("meta.totalItems")).isGreaterThanOrEqualTo(30);
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> company = (Map<String, Object>) result.get("company");
            assertThat(company.get("uf")).isEqualTo("SP");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> phones = (List<Map<String, Object>>) company.get("phones");
            @SuppressWarnings("unchecked")
            List<String> emails = (List<String>) company.get("emails");
            String expected = phones.stream().anyMatch(phone -> (Boolean) phone.get("mobile")) ? "WHATSAPP"
                    : !phones.isEmpty() ? "LANDLINE" : !emails.isEmpty() ? "EMAIL" : "NONE";
            assertThat(result.get("contactability")).as(company.get("cnpj").toString()).isEqualTo(expected);
        }
        // The simulated directory has companies of every kind: the levels really differ.
        assertThat(results).extracting(result -> result.get("contactability")).contains("WHATSAPP", "LANDLINE");
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-city"))
    void aMunicipalityNamedWithoutAccentsIsFound() {
        JsonPath page = search(Map.of("cnaes", List.of("6911-7/01", "6920601"), "municipality", "sao jose dos campos"),
                20).statusCode(200).extract().jsonPath();

        assertThat(page.getList("results.company.municipalityIbge")).isNotEmpty().containsOnly(3549904);
        assertThat(page.getList("results.company.activity.code", String.class))
                .allMatch(code -> code != null && !code.isBlank());
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-hidden"))
    void theTenantsLeadsAndOptedOutContactsAreHidden() throws Exception {
        Map<String, Object> filters = Map.of("segment", "Contabilidade", "uf", "MG");
        JsonPath before = search(filters, 10).statusCode(200).extract().jsonPath();
        String lead = before.getString("results[0].company.cnpj");
        String optedOut = before.getString("results[1].company.cnpj");
        String address = before.getList("results[1].company.phones.e164", String.class).isEmpty()
                ? before.getString("results[1].company.emails[0]") : before.getString("results[1].company.phones[0].e164");
        leads.qualify("tenant-search-hidden", lead);
        UUID event = optOut("tenant-search-hidden", address);
        await().atMost(APPLIED).until(() -> leads.processed(event));

        search(filters, 10).statusCode(200)
                .body("results.company.cnpj", not(hasItem(lead)))
                .body("results.company.cnpj", not(hasItem(optedOut)))
                .body("results.company.cnpj", hasItem(before.getString("results[2].company.cnpj")))
                .body("meta.hidden", equalTo(2));
    }

    @Test
    @TestSecurity(user = "bia", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-recent"))
    void recentSearchesAreTheUsersNewestFirstEachOnce() {
        search(Map.of("segment", "Advogados", "uf", "RJ"), 5).statusCode(200);
        search(Map.of("segment", "Padarias", "municipality", "3550308"), 5).statusCode(200);
        search(Map.of("segment", "advogados", "uf", "rj"), 5).statusCode(200);
        search(Map.of("segment", "NoSuchSegment"), 5).statusCode(400);

        given().get("/api/leads/searches/recent").then().statusCode(200)
                .body("searches.label", equalTo(List.of("Advogados em RJ", "Padarias em São Paulo/SP")))
                .body("searches[0].filters.cnaes", equalTo(List.of("6911701")))
                .body("searches[1].filters.municipality", equalTo("3550308"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-count"))
    void theCountIsTheSearchsTotal() {
        Map<String, Object> filters = Map.of("segment", "Farmácias", "uf", "BA", "porte", List.of("ME", "EPP"));
        long total = search(filters, 5).statusCode(200).extract().jsonPath().getLong("meta.totalItems");

        given().contentType(ContentType.JSON).body(filters).post("/api/leads/searches/count").then().statusCode(200)
                .body("count", equalTo((int) total));
    }

    @Test
    @TestSecurity(user = "ana", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-errors"))
    void badFiltersAreRefusedWithTheFieldAtFault() {
        long callsBefore = DirectoryTestResource.directory().calls().total();
        refused(Map.of("uf", "SP"), "missing_activity", "segment");
        refused(Map.of("segment", "Astronautas"), "unknown_segment", "segment");
        refused(Map.of("cnaes", List.of("6911701", "1234567")), "unknown_cnaes", "cnaes");
        refused(Map.of("cnaes", List.of("6911701"), "uf", "XX"), "invalid_uf", "uf");
        refused(Map.of("cnaes", List.of("6911701"), "municipality", "Bom Jesus"), "ambiguous_municipality", "municipality");
        refused(Map.of("cnaes", List.of("6911701"), "porte", List.of("GIGANTE")), "invalid_porte", "porte");
        refused(Map.of("cnaes", List.of("6911701"), "openedAfter", "31/01/2020"), "invalid_opened_after", "openedAfter");
        given().contentType(ContentType.JSON).body(Map.of("cnaes", List.of("6911701")))
                .post("/api/leads/searches?limit=500").then().statusCode(400).body("error.code", equalTo("invalid_limit"));

        assertThat(DirectoryTestResource.directory().calls().total()).isEqualTo(callsBefore);
        given().get("/api/leads/searches/recent").then().statusCode(200).body("searches", equalTo(List.of()));
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-search-viewer"))
    void viewersDoNotSearch() {
        search(Map.of("segment", "Advogados"), 5).statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse search(Map<String, Object> filters, int limit) {
        return given().contentType(ContentType.JSON).body(filters).post("/api/leads/searches?limit=" + limit).then();
    }

    private static void refused(Map<String, Object> filters, String code, String field) {
        search(filters, 5).statusCode(400).body("error.code", equalTo(code)).body("error.details.field", equalTo(field));
    }

    private UUID optOut(String tenant, String address) {
        UUID id = UUID.randomUUID();
        ContactOptedOut event = ContactOptedOut.newBuilder().setTenantId(tenant)
                .setChannel(address.contains("@") ? "EMAIL" : "WHATSAPP").setAddress(address).setCnpj(null)
                .setOccurredAt(Instant.now()).build();
        try (EventProducer producer = new EventProducer()) {
            producer.send(Topics.CONTACT_OPTED_OUT, tenant, encoder.encode(event), id);
        }
        return id;
    }
}
