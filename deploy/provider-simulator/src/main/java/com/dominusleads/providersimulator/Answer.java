package com.dominusleads.providersimulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an API handler answers, and what to do once the answer is on its way (follow-ups start after the caller has
 * its response, as providers send webhooks asynchronously).
 */
record Answer(int status, byte[] body, String contentType, Map<String, String> headers, Runnable after) {

    static Answer json(int status, JsonNode body) {
        return new Answer(status, bytes(body), "application/json; charset=utf-8", Map.of(), null);
    }

    static Answer text(int status, String body) {
        return new Answer(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", Map.of(), null);
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, body, contentType, more, after);
    }

    Answer then(Runnable next) {
        return new Answer(status, body, contentType, headers, next);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return SimulatorConfig.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
