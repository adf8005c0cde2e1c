package com.dominusleads.stripesimulator;

import com.dominusleads.simulatorkit.SimulatorHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/** The tests' HTTP client: the admin endpoints (JSON), and raw API calls where headers matter. */
final class Http extends SimulatorHttp {

    Http(URI base) {
        super(base);
    }

    JsonNode getJson(String path) throws IOException {
        return json(get(path));
    }

    /** An admin call that must answer 200. */
    JsonNode postJson(String path, String json) throws IOException {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }
}
