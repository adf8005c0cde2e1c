package com.dominusleads.providersimulator;

import com.dominusleads.simulatorkit.SimulatorHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The tests' HTTP client: provider API calls with their own authentication, and the admin API. */
final class Http extends SimulatorHttp {

    Http(URI base) {
        super(base);
    }

    /** An admin call that must answer 200. */
    JsonNode admin(String path, String json) throws IOException {
        HttpResponse<String> response = json == null ? get(path) : post(path, json);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
