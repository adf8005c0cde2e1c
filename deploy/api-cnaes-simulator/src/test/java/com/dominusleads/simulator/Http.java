package com.dominusleads.simulator;

import com.dominusleads.simulatorkit.SimulatorHttp;
import java.net.URI;

/** The tests' HTTP client, with or without the API key. */
final class Http extends SimulatorHttp {

    static final String KEY = "test-key";

    /** A client for {@code base} that sends {@code headers} (name, value, …) on every request. */
    Http(URI base, String... headers) {
        super(base, headers);
    }

    static Http withKey(ApiCnaesSimulator simulator) {
        return new Http(simulator.baseUri(), "X-API-KEY", KEY);
    }
}
