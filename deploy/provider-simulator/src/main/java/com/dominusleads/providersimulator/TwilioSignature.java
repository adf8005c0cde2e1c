package com.dominusleads.providersimulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's webhook signature: {@code X-Twilio-Signature = Base64(HMAC-SHA1(auth token, url + each POST parameter's
 * name and value, sorted by name))}, where url is the full URL Twilio requests, query string included. twilio-java
 * 13.0.1's {@code RequestValidator} only validates (its computation is private), so it is written out here and the
 * tests check it with that validator.
 */
final class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    /** The header value for a form POST of {@code params} to {@code url}, signed with {@code authToken}. */
    static String of(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}
