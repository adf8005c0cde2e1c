package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.events.Cnpj;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed gives byte-identical answers, on another simulator too; another seed gives another world. */
class DeterminismTest {

    private static final String SEARCH = """
            {"cnaes":["6201501","6204000"],"uf":"PR","pagination":{"page":2,"limit":25}}""";

    @Test
    void twoSimulatorsWithTheSameSeedAnswerByteIdenticalBodies() throws IOException {
        try (ApiCnaesSimulator a = ApiCnaesSimulator.start(0, SimulatorOptions.of(99, Http.KEY));
             ApiCnaesSimulator b = ApiCnaesSimulator.start(0, SimulatorOptions.of(99, Http.KEY))) {
            Http ha = Http.withKey(a);
            Http hb = Http.withKey(b);
            for (String cnpj : cnpjs(30, 1)) {
                var ra = ha.get("/v1/companies/" + cnpj);
                var rb = hb.get("/v1/companies/" + cnpj);
                assertThat(ra.statusCode()).isEqualTo(rb.statusCode());
                assertThat(ra.body()).isEqualTo(rb.body());
                // and again on the same simulator
                assertThat(ha.get("/v1/companies/" + cnpj).body()).isEqualTo(ra.body());
            }
            assertThat(ha.post("/v1/companies/search", SEARCH).body()).isEqualTo(hb.post("/v1/companies/search", SEARCH)
                    .body());
            String listing = "/v1/companies?cnae_principal=4711302&uf=CE&page=3&limit=10";
            assertThat(ha.get(listing).body()).isEqualTo(hb.get(listing).body());
        }
    }

    @Test
    void anotherSeedGivesOtherCompaniesAndPages() throws IOException {
        try (ApiCnaesSimulator a = ApiCnaesSimulator.start(0, SimulatorOptions.of(1, Http.KEY).withUnknownCnpjShare(0));
             ApiCnaesSimulator b = ApiCnaesSimulator.start(0, SimulatorOptions.of(2, Http.KEY).withUnknownCnpjShare(0))) {
            assertThat(Http.withKey(a).get("/v1/companies/11222333000181").body())
                    .isNotEqualTo(Http.withKey(b).get("/v1/companies/11222333000181").body());
            assertThat(Http.withKey(a).post("/v1/companies/search", SEARCH).body())
                    .isNotEqualTo(Http.withKey(b).post("/v1/companies/search", SEARCH).body());
        }
    }

    @Test
    void theUnknownShareOfValidCnpjsIsAsConfiguredAndStable() throws IOException {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(5, Http.KEY)
                .withUnknownCnpjShare(0.3))) {
            Http http = Http.withKey(simulator);
            List<String> unknown = new ArrayList<>();
            List<String> sample = cnpjs(300, 2);
            for (String cnpj : sample) {
                int status = http.get("/v1/companies/" + cnpj).statusCode();
                assertThat(status).isIn(200, 404);
                if (status == 404) {
                    unknown.add(cnpj);
                }
            }
            assertThat(unknown.size()).isBetween(60, 120);
            for (String cnpj : unknown.subList(0, 10)) {
                assertThat(http.get("/v1/companies/" + cnpj).statusCode()).isEqualTo(404);
            }
        }
        // The share, measured without HTTP on many more CNPJs.
        SyntheticDirectory directory = new SyntheticDirectory(5, 0.3);
        long unknown = cnpjs(20_000, 3).stream().filter(c -> !directory.profile(Cnpj.parse(c).orElseThrow()).known())
                .count();
        assertThat(unknown / 20_000.0).isBetween(0.28, 0.32);
    }

    @Test
    void theCnpjCodecIsABijection() {
        CnpjCodec codec = new CnpjCodec(123, 1332, 5571);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 10_000; i++) {
            long x = random.nextLong(CnpjCodec.SPACE);
            assertThat(codec.unscramble(codec.scramble(x))).isEqualTo(x);
            assertThat(codec.scramble(x)).isBetween(0L, CnpjCodec.SPACE - 1);
            assertThat(codec.pack(codec.unpack(x))).isEqualTo(x);
        }
    }

    /** {@code n} valid numeric CNPJs, always the same for a given {@code stream}. */
    static List<String> cnpjs(int n, long stream) {
        SplittableRandom random = new SplittableRandom(stream);
        List<String> cnpjs = new ArrayList<>();
        while (cnpjs.size() < n) {
            String base = String.format("%08d%04d", random.nextInt(100_000_000), 1 + random.nextInt(3));
            Cnpj.parse(Cnpj.withCheckDigits(base).value()).ifPresent(c -> cnpjs.add(c.value()));
        }
        return cnpjs;
    }
}
