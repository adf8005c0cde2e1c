package com.dominusleads.providersimulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}, over the
 * exact bytes posted (Meta escapes non-ASCII characters in its JSON, so a receiver that verifies a re-serialised body
 * instead of the raw one fails on the first "não").
 */
final class MetaSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private MetaSignature() {
    }

    /** The header value for {@code body} under {@code appSecret}. */
    static String of(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
