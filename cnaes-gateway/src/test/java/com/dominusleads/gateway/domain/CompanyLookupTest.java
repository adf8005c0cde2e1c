package com.dominusleads.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.dominusleads.gateway.GatewayTest;
import com.dominusleads.gateway.Simulators;
import com.dominusleads.simulator.CallLog;
import com.dominusleads.testsupport.ApicurioTestResource;
import com.dominusleads.testsupport.KafkaTestResource;
import com.dominusleads.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/companies/{cnpj}}: which side answers, what is cached, and what is served when the remote fails. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cnaes_gateway"))
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ApicurioTestResource.class)
@WithTestResource(Simulators.class)
class CompanyLookupTest extends GatewayTest {

    private static JsonPath lookup(String cnpj, int status) {
        return gateway().get("/v1/companies/" + cnpj).then().statusCode(status).extract().jsonPath();
    }

    private static long remoteLookups() {
        return Simulators.remote().calls().count(CallLog.Kind.COMPANY);
    }

    @Test
    void aCompanyInTheLocalDirectoryComesFromItAndTheRemoteIsNeverAsked() {
        String cnpj = Simulators.localCompanies(1).get(0);

        JsonPath company = lookup(cnpj, 200);

        assertThat(company.getString("cnpj")).isEqualTo(cnpj);
        assertThat(company.getString("source")).isEqualTo("local");
        assertThat(company.getBoolean("stale")).isFalse();
        assertThat(Instant.parse(company.getString("fetched_at"))).isBeforeOrEqualTo(Instant.now());
        assertThat(company.getString("razao_social")).isNotBlank();
        assertThat(remoteLookups()).isZero();
        assertThat(count("select count(*) from company_cache")).isZero();
    }

    @Test
    void aCompanyTheDirectoryLacksComesFromTheRemoteOnceThenFromTheCache() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);

        JsonPath first = lookup(cnpj, 200);
        JsonPath second = lookup(cnpj, 200);
        JsonPath third = lookup(cnpj, 200);

        assertThat(first.getString("source")).isEqualTo("remote");
        assertThat(second.getString("source")).isEqualTo("cache");
        assertThat(third.getString("source")).isEqualTo("cache");
        assertThat(second.getString("razao_social")).isEqualTo(first.getString("razao_social"));
        assertThat(second.getString("fetched_at")).isEqualTo(first.getString("fetched_at"));
        assertThat(Instant.parse(second.getString("expires_at")))
                .isAfter(Instant.parse(first.getString("fetched_at")).plusSeconds(23 * 3600));
        assertThat(remoteLookups()).isEqualTo(1);
        assertThat(Simulators.local().calls().count(CallLog.Kind.COMPANY)).isEqualTo(1);
    }

    @Test
    void aCnpjNeitherSideHasIs404AndTheRemoteIsAskedOnlyOnce() {
        String cnpj = Simulators.unknownCompanies(1).get(0);

        gateway().get("/v1/companies/" + cnpj).then().statusCode(404)
                .body("error.code", equalTo("company_not_found")).body("error.details.source", equalTo("remote"));
        gateway().get("/v1/companies/" + cnpj).then().statusCode(404)
                .body("error.code", equalTo("company_not_found")).body("error.details.source", equalTo("cache"));

        assertThat(remoteLookups()).isEqualTo(1);
    }

    @Test
    void aMalformedCnpjIs400AndNoSideIsAsked() {
        for (String bad : new String[] {"123", "11222333000182", "ABCDEFGHIJKLMN", "00000000000000"}) {
            gateway().get("/v1/companies/" + bad).then().statusCode(400).body("error.code", equalTo("invalid_cnpj"));
        }
        assertThat(Simulators.local().calls().total()).isZero();
        assertThat(Simulators.remote().calls().total()).isZero();
    }

    @Test
    void punctuationIsAcceptedAndTheCompanyIsCachedUnderItsPlainCnpj() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        String punctuated = cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8) + "%2F"
                + cnpj.substring(8, 12) + "-" + cnpj.substring(12);

        assertThat(gateway().urlEncodingEnabled(false).get("/v1/companies/" + punctuated).then().statusCode(200)
                .extract().jsonPath().getString("cnpj")).isEqualTo(cnpj);
        assertThat(lookup(cnpj, 200).getString("source")).isEqualTo("cache");
    }

    @Test
    void whenTheLocalDirectoryIsDownTheRemoteAnswersEvenForItsCompanies() {
        String cnpj = Simulators.companiesBothHave(1).get(0);
        Simulators.local().faults().serverErrorRate(1);

        JsonPath company = lookup(cnpj, 200);

        assertThat(company.getString("source")).isEqualTo("remote");
        assertThat(remoteLookups()).isEqualTo(1);
        // Not kept: once the directory is back, it answers again.
        assertThat(count("select count(*) from company_cache")).isZero();
        Simulators.local().faults().clear();
        breakers.resetAll();
        assertThat(lookup(cnpj, 200).getString("source")).isEqualTo("local");
    }

    @Test
    void anExpiredAnswerIsFetchedAgain() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        lookup(cnpj, 200);
        execute("update company_cache set expires_at = now() - interval '1 second'");

        assertThat(lookup(cnpj, 200).getString("source")).isEqualTo("remote");
        assertThat(remoteLookups()).isEqualTo(2);
        assertThat(lookup(cnpj, 200).getString("source")).isEqualTo("cache");
    }

    @Test
    void whileTheRemoteFailsAnExpiredAnswerIsServedFlaggedStale() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        String fetchedAt = lookup(cnpj, 200).getString("fetched_at");
        execute("update company_cache set expires_at = now() - interval '1 hour'");
        Simulators.remote().faults().serverErrorRate(1);

        JsonPath stale = lookup(cnpj, 200);

        assertThat(stale.getString("source")).isEqualTo("cache");
        assertThat(stale.getBoolean("stale")).isTrue();
        assertThat(stale.getString("fetched_at")).isEqualTo(fetchedAt);
        assertThat(remoteLookups()).isGreaterThan(1); // it did try the remote first
    }

    @Test
    void anAnswerPastItsStaleLimitIsNotServed() {
        String cnpj = Simulators.remoteOnlyCompanies(1).get(0);
        lookup(cnpj, 200);
        execute("update company_cache set expires_at = now() - interval '8 days'");
        Simulators.remote().faults().serverErrorRate(1);

        gateway().get("/v1/companies/" + cnpj).then().statusCode(502).body("error.code", equalTo("remote_error"));
    }
}
