package com.dominusleads.providersimulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token Evolution API (2.3.7 and later) sends with a webhook whose configured headers hold a {@code jwt_key}: that
 * header is removed and {@code Authorization: Bearer <JWT>} added instead, HS256 over the key's UTF-8 bytes, claims
 * {@code {iat, exp: iat + 600, app: "evolution", action: "webhook"}} (its WebhookController.generateJwtToken). A
 * compact JWS is small enough to write out; the tests verify it with jjwt.
 */
final class EvolutionJwt {

    /** How long Evolution's webhook tokens live. */
    static final long LIFETIME_SECONDS = 600;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private EvolutionJwt() {
    }

    /** A token issued at {@code issuedAt}, expiring {@link #LIFETIME_SECONDS} later. */
    static String sign(String key, Instant issuedAt) {
        long iat = issuedAt.getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iat\":" + iat + ",\"exp\":" + (iat + LIFETIME_SECONDS)
                + ",\"app\":\"evolution\",\"action\":\"webhook\"}";
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(
                    mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
