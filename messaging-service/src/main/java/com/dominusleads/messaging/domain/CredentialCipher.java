package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.config.CredentialKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a channel's provider secrets with AES-256-GCM into one self-describing envelope,
 * {@code v1:<key id>:<base64 iv>:<base64 ciphertext+tag>}. The tenant and channel ids are the associated data: an
 * envelope copied onto another tenant's (or another channel's) row does not decrypt. The key id lets keys rotate
 * without a flag day: old envelopes decrypt with their key until the rotation job re-encrypts those that do not start
 * with {@link #activePrefix}.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(CredentialKeys config) {
        for (String entry : config.keys().split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            String encoded = colon < 0 ? "" : entry.substring(colon + 1);
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("dominus.messaging.credentials.keys: each entry is <key id>:<base64>,"
                        + " the id 1-32 letters, digits, _ or - (DOMINUS_MESSAGING_KEYS)");
            }
            byte[] key = Base64.getDecoder().decode(encoded.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("credential key '" + id + "' must be 32 bytes (base64 of 32 random"
                        + " bytes, e.g. `openssl rand -base64 32`), not " + key.length);
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        }
        this.activeKey = config.activeKey().orElse(keys.keySet().iterator().next());
        if (!keys.containsKey(activeKey)) {
            throw new IllegalArgumentException("dominus.messaging.credentials.active-key '" + activeKey
                    + "' is not one of dominus.messaging.credentials.keys " + keys.keySet());
        }
    }

    /** Encrypts {@code plaintext} (a channel's secrets as JSON) for {@code tenantId}'s channel {@code channelId}. */
    public String encrypt(String tenantId, UUID channelId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKey), iv, tenantId, channelId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return String.join(":", VERSION, activeKey, base64.encodeToString(iv), base64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts an envelope written by {@link #encrypt} for the same tenant and channel. */
    public String decrypt(String tenantId, UUID channelId, String envelope) {
        String[] parts = envelope.split(":");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("channel " + channelId + ": credentials are not a " + VERSION + " envelope");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("channel " + channelId + ": credentials are encrypted with key '" + parts[1]
                    + "', which is not configured (dominus.messaging.credentials.keys)");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, base64.decode(parts[2]), tenantId, channelId);
            return new String(cipher.doFinal(base64.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("channel " + channelId + ": credentials do not decrypt for this tenant and"
                    + " channel (tampered or copied)", e);
        }
    }

    /** How every envelope under the active key begins. */
    public String activePrefix() {
        return VERSION + ":" + activeKey + ":";
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String tenantId, UUID channelId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((tenantId + "\n" + channelId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
