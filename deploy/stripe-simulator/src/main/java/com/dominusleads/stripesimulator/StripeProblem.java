package com.dominusleads.stripesimulator;

/**
 * An error answer in Stripe's shape: {@code {"error":{"type","code","message","param"}}} with an HTTP status. The
 * wording follows Stripe's where the product might show or match it.
 */
final class StripeProblem extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";

    final int status;
    final String type;
    final String code;
    final String param;

    StripeProblem(int status, String type, String code, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** A reference to an object that does not exist, e.g. {@code No such price: 'price_x'}. */
    static StripeProblem missing(String what, String id, String param) {
        return new StripeProblem(param == null ? 404 : 400, INVALID_REQUEST, "resource_missing",
                "No such " + what + ": '" + id + "'", param);
    }

    static StripeProblem required(String param) {
        return new StripeProblem(400, INVALID_REQUEST, "parameter_missing", "Missing required param: " + param + ".",
                param);
    }

    static StripeProblem invalid(String param, String message) {
        return new StripeProblem(400, INVALID_REQUEST, "parameter_invalid", message, param);
    }

    static StripeProblem integer(String param) {
        return new StripeProblem(400, INVALID_REQUEST, "parameter_invalid_integer",
                "Invalid integer: " + param, param);
    }

    /** A state that forbids the action (e.g. paying a session twice): Stripe answers these 400 too. */
    static StripeProblem state(String message) {
        return new StripeProblem(400, INVALID_REQUEST, null, message, null);
    }
}
