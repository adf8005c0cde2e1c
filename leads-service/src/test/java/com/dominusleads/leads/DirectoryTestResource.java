package com.dominusleads.leads;

import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;

/**
 * The company directory as leads-service sees it: cnaes-gateway's contract (which is api-cnaes's) served over HTTP by
 * the api-cnaes simulator, deterministic by seed, with 5 % of valid CNPJs unknown (as a real directory has gaps). The gateway itself is tested on its own and,
 * with leads-service, in the system tests.
 */
public class DirectoryTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "leads-test-gateway-key";

    private static volatile ApiCnaesSimulator directory;

    @Override
    public Map<String, String> start() {
        directory = ApiCnaesSimulator.start(0, new SimulatorOptions(8, Set.of(KEY), false, false, 0.05));
        return Map.of("dominus.leads.gateway.url", directory.apiUri().toString(),
                "dominus.leads.gateway.api-key", KEY);
    }

    @Override
    public void stop() {
        directory.close();
    }

    public static ApiCnaesSimulator directory() {
        return directory;
    }
}
