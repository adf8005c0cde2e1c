package com.dominusleads.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Starting, serving many callers at once, and closing. */
class LifecycleTest {

    @Test
    void startsQuicklyAndClosesCleanly() throws IOException {
        ApiCnaesSimulator.start(0, SimulatorOptions.of(1, Http.KEY)).close(); // loads classes and reference tables

        long started = System.nanoTime();
        ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(2, Http.KEY));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        assertThat(startup).isLessThan(Duration.ofMillis(200));
        int port = simulator.port();
        assertThat(new Http(simulator.baseUri()).get("/health").statusCode()).isEqualTo(200);

        simulator.close();
        simulator.close(); // idempotent
        assertThatThrownBy(() -> new Http(simulator.baseUri()).get("/health")).isInstanceOf(IOException.class);
        try (ServerSocket again = new ServerSocket(port)) { // the port is free again
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void startsOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(port, SimulatorOptions.of(2, Http.KEY))) {
            assertThat(simulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(simulator.apiUri().toString()).isEqualTo("http://127.0.0.1:" + port + "/v1");
        }
    }

    @Test
    void servesConcurrentCallersConsistently() throws Exception {
        try (ApiCnaesSimulator simulator = ApiCnaesSimulator.start(0, SimulatorOptions.of(8, Http.KEY));
             ExecutorService callers = Executors.newFixedThreadPool(16)) {
            List<String> cnpjs = DeterminismTest.cnpjs(20, 9);
            Http http = Http.withKey(simulator);
            List<String> expected = new ArrayList<>();
            for (String cnpj : cnpjs) {
                expected.add(http.get("/v1/companies/" + cnpj).body());
            }
            String search = "{\"cnaes\":[\"4781400\"],\"uf\":\"SC\",\"pagination\":{\"page\":3,\"limit\":50}}";
            String expectedPage = http.post("/v1/companies/search", search).body();
            simulator.calls().reset();

            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < cnpjs.size(); i++) {
                    int index = i;
                    results.add(callers.submit(() -> http.get("/v1/companies/" + cnpjs.get(index)).body()
                            .equals(expected.get(index))));
                }
                results.add(callers.submit(() -> http.post("/v1/companies/search", search).body().equals(expectedPage)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
            assertThat(simulator.calls().total()).isEqualTo(results.size());
        }
    }

    @Test
    void theCommandLineOfDominusUp() {
        ApiCnaesSimulator.CommandLine line = ApiCnaesSimulator.CommandLine.parse(new String[] {"--port", "18080",
            "--seed", "42", "--api-key", "k1,k2", "--variant", "api-v1", "--bearer", "--unknown-share", "0.1"});

        assertThat(line.port()).isEqualTo(18080);
        assertThat(line.options()).isEqualTo(new SimulatorOptions(42, java.util.Set.of("k1", "k2"), true, true, 0.1));
        assertThat(ApiCnaesSimulator.CommandLine.parse(new String[0]).options())
                .isEqualTo(new SimulatorOptions(1, java.util.Set.of(), false, false, 0.05));
        assertThat(ApiCnaesSimulator.CommandLine.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> ApiCnaesSimulator.CommandLine.parse(new String[] {"--variant", "v2"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiCnaesSimulator.CommandLine.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> SimulatorOptions.of(1, "k").withUnknownCnpjShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Faults(1).serverErrorRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Faults(1).tooManyRequests(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
