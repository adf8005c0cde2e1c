package com.dominusleads.leads.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.dominusleads.leads.DirectoryTestResource;
import com.dominusleads.leads.domain.Segment;
import com.dominusleads.leads.domain.Segments;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import com.dominusleads.testsupport.ServiceDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments as a tenant admin shapes them for the sales team, without touching any other tenant's list. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(DirectoryTestResource.class)
class SegmentsApiTest {

    @Inject
    Pool pool;

    @Inject
    Segments segments;

    @Test
    @TestSecurity(user = "sam", roles = "sales")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-segments-sales"))
    void everyTenantStartsWithTheDefaultsAndSalesCannotEditThem() {
        given().get("/api/leads/segments").then().statusCode(200)
                .body("segments.find { it.name == 'Advogados' }.cnaes", equalTo(List.of(6911701)))
                .body("segments.find { it.name == 'Advogados' }.custom", equalTo(false));

        given().contentType(ContentType.JSON).body(Map.of("cnaes", List.of("6911701")))
                .put("/api/leads/segments/Advogados").then().statusCode(403);
        given().delete("/api/leads/segments/Advogados").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-segments-admin"))
    void anAdminEditsAddsAndRemovesSegmentsForItsTenantOnly() {
        given().contentType(ContentType.JSON).body(Map.of("cnaes", List.of("6911-7/01", "6920601")))
                .put("/api/leads/segments/advogados").then().statusCode(200).body("custom", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("cnaes", List.of("8630504", "8630504")))
                .put("/api/leads/segments/Dentistas").then().statusCode(200).body("cnaes", equalTo(List.of(8630504)));
        given().delete("/api/leads/segments/padarias").then().statusCode(204);
        given().delete("/api/leads/segments/padarias").then().statusCode(404).body("error.code", equalTo("segment_not_found"));

        given().get("/api/leads/segments").then().statusCode(200)
                .body("segments.find { it.name == 'advogados' }.cnaes", equalTo(List.of(6911701, 6920601)))
                .body("segments.name", hasItem("Dentistas"))
                .body("segments.name", not(hasItem("Padarias")));
        given().contentType(ContentType.JSON).body(Map.of("segment", "Padarias"))
                .post("/api/leads/searches").then().statusCode(400).body("error.code", equalTo("unknown_segment"));

        // Another tenant still has the defaults as shipped.
        List<Segment> other = new ServiceDatabase(pool).inTenant("tenant-segments-other",
                tx -> segments.list(tx, "tenant-segments-other"));
        assertThat(other).extracting(Segment::name).contains("Padarias").doesNotContain("Dentistas");
        assertThat(other).filteredOn(segment -> segment.name().equals("Advogados")).singleElement()
                .extracting(Segment::cnaes).isEqualTo(List.of(6911701));
    }

    @Test
    @TestSecurity(user = "ada", roles = "tenant-admin")
    @OidcSecurity(claims = @Claim(key = "tenant_id", value = "tenant-segments-invalid"))
    void aSegmentWithAnUnknownCnaeIsRefusedAndNothingChanges() {
        given().contentType(ContentType.JSON).body(Map.of("cnaes", List.of("6911701", "9999999")))
                .put("/api/leads/segments/Advogados").then().statusCode(400)
                .body("error.code", equalTo("unknown_cnaes")).body("error.details.codes", equalTo(List.of("9999999")));

        given().get("/api/leads/segments").then().statusCode(200)
                .body("segments.find { it.name == 'Advogados' }.custom", equalTo(false));
    }
}
