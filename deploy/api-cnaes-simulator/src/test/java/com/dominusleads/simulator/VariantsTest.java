package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Authentication, and the known variants of the contract: {@code /api/v1} and bearer tokens. */
class VariantsTest {

    private static final String COMPANY = "/v1/companies/11222333000181";

    @Test
    void missingOrWrongKeyIs401() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, Http.KEY))) {
            for (Http caller : new Http[] {new Http(simulator.baseUri()),
                new Http(simulator.baseUri(), "X-API-KEY", "wrong"),
                new Http(simulator.baseUri(), "Authorization", "Bearer " + Http.KEY)}) {
                HttpResponse<String> company = caller.get(COMPANY);
                assertThat(company.statusCode()).isEqualTo(401);
                ContractTest.assertError(company, "unauthorized");
                assertThat(caller.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"]}").statusCode())
                        .isEqualTo(401);
                assertThat(caller.get("/v1/companies?cnae_principal=6201501").statusCode()).isEqualTo(401);
                assertThat(caller.get("/health").statusCode()).isEqualTo(200);
            }
            assertThat(Http.withKey(simulator).get(COMPANY).statusCode()).isEqualTo(200);
            assertThat(simulator.calls().withStatus(401)).isEqualTo(9);
        }
    }

    @Test
    void anyOfSeveralKeysIsAccepted() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, new SimulatorOptions(3, Set.of("a", "b"), false,
                false, 0))) {
            assertThat(new Http(simulator.baseUri(), "X-API-KEY", "a").get(COMPANY).statusCode()).isEqualTo(200);
            assertThat(new Http(simulator.baseUri(), "X-API-KEY", "b").get(COMPANY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void noKeysMeansNoAuthentication() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, new SimulatorOptions(3, Set.of(), false, false,
                0))) {
            assertThat(new Http(simulator.baseUri()).get(COMPANY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bearerVariant() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, Http.KEY)
                .withBearerAuth(true).withUnknownCnpjShare(0))) {
            HttpResponse<String> withApiKey = Http.withKey(simulator).get(COMPANY);
            assertThat(withApiKey.statusCode()).isEqualTo(401);
            assertThat(withApiKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            ContractTest.assertError(withApiKey, "unauthorized");
            assertThat(new Http(simulator.baseUri(), "Authorization", "Bearer wrong").get(COMPANY).statusCode())
                    .isEqualTo(401);

            Http bearer = new Http(simulator.baseUri(), "Authorization", "Bearer " + Http.KEY);
            assertThat(bearer.get(COMPANY).statusCode()).isEqualTo(200);
            assertThat(bearer.post("/v1/companies/search", "{\"cnaes\":[\"6201501\"]}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void apiV1Variant() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, Http.KEY)
                .withApiV1Variant(true).withUnknownCnpjShare(0));
             ApiCnaesSimulator plain = ApiCnaesSimulator.start(0, SimulatorOptions.of(3, Http.KEY)
                     .withUnknownCnpjShare(0))) {
            Http http = Http.withKey(simulator);
            assertThat(simulator.apiUri().toString()).isEqualTo(simulator.baseUri() + "/api/v1");

            HttpResponse<String> company = http.get("/api/v1/companies/11222333000181");
            assertThat(company.statusCode()).isEqualTo(200);
            assertThat(company.body()).isEqualTo(Http.withKey(plain).get(COMPANY).body());
            assertThat(http.post("/api/v1/companies/search", "{\"cnaes\":[\"6201501\"]}").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/companies?cnae_principal=6201501").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/health").statusCode()).isEqualTo(200);
            assertThat(http.get("/health").statusCode()).isEqualTo(200);

            for (String path : new String[] {COMPANY, "/v1/companies?cnae_principal=6201501", "/v1/health"}) {
                HttpResponse<String> old = http.get(path);
                assertThat(old.statusCode()).as(path).isEqualTo(404);
                ContractTest.assertError(old, "not_found");
            }
        }
    }
}
