package com.dominusleads.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * The api-cnaes simulator ({@code deploy/api-cnaes-simulator}) as a server of the local stack, standing in for the
 * remote API the gateway falls back to.
 */
public final class ApiCnaesSimulatorProcess {

    public static final String NAME = "api-cnaes-simulator";
    private static final String MAIN_CLASS = "com.dominusleads.simulator.ApiCnaesSimulator";

    private ApiCnaesSimulatorProcess() {
    }

    /** The simulator on {@code port}, serving the world of {@code seed} to callers sending {@code apiKey}. */
    public static ProcessSpec prepare(StackHome home, Path workDir, int port, long seed, String apiKey) {
        return SimulatorProcess.prepare(home, NAME, MAIN_CLASS, workDir, port,
                List.of("--seed", String.valueOf(seed), "--api-key", apiKey));
    }
}
