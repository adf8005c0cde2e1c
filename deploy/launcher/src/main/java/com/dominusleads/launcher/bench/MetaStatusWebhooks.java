package com.dominusleads.launcher.bench;

import com.dominusleads.launcher.suite.EphemeralSuite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta status webhooks for messages a channel sent, as Meta posts them: one status per body, signed {@code
 * X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. Each is built and signed when it is due.
 */
final class MetaStatusWebhooks {

    /** A message the service sent: the provider's id of it and the contact (Meta's {@code recipient_id}). */
    record Sent(String providerMessageId, String recipient) {
    }

    private final MetaBenchChannel channel;
    private final URI url;
    private final List<Sent> messages;
    private final String status;

    /** {@code status} ({@code delivered}, {@code read}…) for each of {@code messages} in turn, then again. */
    MetaStatusWebhooks(EphemeralSuite.Instance service, MetaBenchChannel channel, List<Sent> messages, String status) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no sent message of " + channel.tenant() + " to report a status of");
        }
        this.channel = channel;
        this.url = channel.webhookUrl(service);
        this.messages = List.copyOf(messages);
        this.status = status;
    }

    /** The webhook about message {@code i} (modulo the messages). */
    HttpRequest.Builder request(int i) {
        Sent sent = messages.get(i % messages.size());
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":"
                + "[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"bench\","
                + "\"phone_number_id\":\"" + channel.phoneNumberId() + "\"},\"statuses\":[{\"id\":\""
                + sent.providerMessageId() + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + System.currentTimeMillis() / 1000 + "\",\"recipient_id\":\"" + sent.recipient().substring(1)
                + "\"}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmacSha256(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private byte[] hmacSha256(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(channel.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
