package com.dominusleads.gateway.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A usable answer of one side: a 2xx with a JSON object, or a 4xx other than 429 (the request's own fault: retrying
 * cannot help). Anything else becomes an {@link UpstreamFailure}, which the fault-tolerance guards retry.
 *
 * @param body the JSON object; for a 4xx, null when the body was not JSON
 */
public record UpstreamReply(int status, JsonObject body) {

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The contract's {@code error.code} of a 4xx, or {@code http_<status>}. */
    public String errorCode() {
        JsonObject error = body == null ? null : body.getValue("error") instanceof JsonObject e ? e : null;
        return error != null && error.getValue("code") instanceof String code ? code : "http_" + status;
    }

    /** True when the body is the contract's error shape: a 404 without it is a wrong path, not an unknown company. */
    public boolean isContractError() {
        return body != null && body.getValue("error") instanceof JsonObject error && error.getValue("code") instanceof String;
    }

    public String errorMessage() {
        JsonObject error = body == null ? null : body.getValue("error") instanceof JsonObject e ? e : null;
        return error != null && error.getValue("message") instanceof String message ? message : "HTTP " + status;
    }

    public JsonObject errorDetails() {
        JsonObject error = body == null ? null : body.getValue("error") instanceof JsonObject e ? e : null;
        return error != null && error.getValue("details") instanceof JsonObject details ? details : new JsonObject();
    }

    static UpstreamReply of(Response response, Side side) {
        int status = response.getStatus();
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonObject body = parse(text);
        if (status == 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            throw UpstreamFailure.status(side, status, response.getHeaderString(HttpHeaders.RETRY_AFTER),
                    new UpstreamReply(status, body).errorCode());
        }
        if (body == null && status / 100 == 2) {
            throw UpstreamFailure.malformed(side, status);
        }
        return new UpstreamReply(status, body);
    }

    /** The JSON object in {@code text}; null for anything else (HTML, a truncated body, an array). */
    private static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException notAnObject) {
            return null;
        }
    }
}
