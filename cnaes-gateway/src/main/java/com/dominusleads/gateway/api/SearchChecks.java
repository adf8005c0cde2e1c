package com.dominusleads.gateway.api;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.Ufs;
import com.dominusleads.servicekit.api.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks that keep hopeless searches from spending the remote quota: the body's shape, CNAE codes (normalised to
 * seven digits, which every side reads), UF and paging. The sides check the rest, and their 400s reach the caller as
 * they are. Errors use the same codes as the local directory's.
 */
final class SearchChecks {

    static final int MAX_LIMIT = 100;
    static final int MAX_CNAES = 50;

    private SearchChecks() {
    }

    /** The search in {@code text}, with its CNAE codes normalised; a 400 naming the field when it is unusable. */
    static JsonObject body(String text) {
        JsonObject body;
        try {
            body = text == null || text.isBlank() ? null : new JsonObject(text);
        } catch (RuntimeException notAnObject) {
            body = null;
        }
        if (body == null) {
            throw invalid("body", "a JSON object is required, e.g. {\"cnaes\":[\"6201501\"],\"uf\":\"SP\"}", null);
        }
        if (!(body.getValue("cnaes") instanceof JsonArray given) || given.isEmpty()) {
            throw invalid("cnaes", "give at least one CNAE subclass, e.g. [\"6201501\"]", body.getValue("cnaes"));
        }
        if (given.size() > MAX_CNAES) {
            throw invalid("cnaes", "at most " + MAX_CNAES + " CNAEs per search", given.size());
        }
        JsonArray cnaes = new JsonArray();
        given.forEach(value -> cnaes.add(cnae(value, "cnaes")));
        body.put("cnaes", cnaes);
        if (body.getValue("uf") != null) {
            body.put("uf", uf(body.getValue("uf").toString()));
        }
        Object pagination = body.getValue("pagination");
        if (pagination instanceof JsonObject p) {
            paging(integer(p, "page"), integer(p, "limit"));
        } else if (pagination != null) {
            throw invalid("pagination", "must be an object such as {\"page\":1,\"limit\":20}", pagination);
        }
        return body;
    }

    /** A CNAE subclass as seven digits. */
    static String cnae(Object value, String field) {
        int code = Cnae.parseCode(value).orElseThrow(() ->
                invalid(field, "a CNAE subclass has 7 digits, e.g. 6201501 or 6201-5/01", value));
        return String.format("%07d", code);
    }

    /** The UF in capitals, null when blank (as the directory reads it); a 400 for anything else. */
    static String uf(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String uf = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Ufs.ALL.contains(uf)) {
            throw invalid("uf", "one of the 27 UFs (or EX, abroad), e.g. SP", given);
        }
        return uf;
    }

    /** A whole number given as text (a query parameter); a 400 naming {@code field} otherwise. */
    static int number(String given, String field) {
        try {
            return Integer.parseInt(given.strip());
        } catch (NumberFormatException notANumber) {
            throw invalid(field, "must be a whole number", given);
        }
    }

    static void paging(Integer page, Integer limit) {
        if (page != null && page < 1) {
            throw invalid("pagination.page", "pages start at 1", page);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw invalid("pagination.limit", "must be between 1 and " + MAX_LIMIT, limit);
        }
    }

    private static Integer integer(JsonObject object, String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw invalid("pagination." + field, "must be a whole number", value);
        }
        return ((Number) value).intValue();
    }

    static ApiException invalid(String field, String message, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        if (value != null) {
            details.put("value", value.toString());
        }
        return new ApiException(400, "invalid_" + field.replace('.', '_'), field + ": " + message, details);
    }
}
