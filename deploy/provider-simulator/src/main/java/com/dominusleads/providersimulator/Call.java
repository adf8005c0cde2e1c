package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP request as the API handlers see it: method, path split in segments, headers, query and body. */
record Call(String method, String path, String[] segments, Headers headers, String query, byte[] body) {

    static Call of(String method, String path, Headers headers, String query, byte[] body) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.equals("/") ? new String[0] : trimmed.substring(1).split("/");
        return new Call(method, trimmed, segments, headers, query, body);
    }

    /** A header's value, trimmed; null when absent or blank. */
    String header(String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; an empty body is an empty object; null when it is not JSON. */
    JsonNode json() {
        if (body.length == 0) {
            return SimulatorConfig.MAPPER.createObjectNode();
        }
        try {
            return SimulatorConfig.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The query parameters. */
    Map<String, String> params() {
        return FormData.parse(query);
    }

    int size() {
        return segments.length;
    }

    String segment(int i) {
        return java.net.URLDecoder.decode(segments[i], StandardCharsets.UTF_8);
    }
}
