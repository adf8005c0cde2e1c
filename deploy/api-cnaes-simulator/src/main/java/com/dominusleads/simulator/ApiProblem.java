package com.dominusleads.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer of the contract: {@code {"error":{"code","message","details"}}} with an HTTP status. */
final class ApiProblem extends RuntimeException {

    final int status;
    final String code;
    final Map<String, Object> details;

    ApiProblem(int status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** A 400 naming the field at fault, as the local directory's API words it. */
    static ApiProblem invalid(String field, String message, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        if (value != null) {
            details.put("value", value);
        }
        return new ApiProblem(400, "invalid_" + field.replace('.', '_'), field + ": " + message, details);
    }
}
