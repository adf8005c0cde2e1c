package com.dominusleads.servicekit.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * A fixed set of machine keys accepted in {@code X-API-KEY} (the api-cnaes contract's authentication), compared in
 * constant time. {@code audience} names the API in the error, so a caller knows which key it got wrong; the key itself
 * is never echoed or logged.
 */
public final class StaticApiKeys {

    public static final String HEADER = "X-API-KEY";

    private final List<byte[]> keys;
    private final String audience;

    public StaticApiKeys(List<String> keys, String audience) {
        this.keys = keys.stream().map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.audience = audience;
    }

    /** Empty when {@code given} is one of the keys; else the 401 to answer. */
    public Optional<Response> check(String given) {
        if (given != null) {
            byte[] bytes = given.strip().getBytes(StandardCharsets.UTF_8);
            boolean match = false;
            for (byte[] key : keys) {
                match |= MessageDigest.isEqual(key, bytes);
            }
            if (match) {
                return Optional.empty();
            }
        }
        return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(given == null ? "missing_api_key" : "invalid_api_key", given == null
                        ? "Send the " + audience + " API key in the " + HEADER + " header"
                        : "This " + HEADER + " is not valid for the " + audience + " API"))
                .build());
    }
}
