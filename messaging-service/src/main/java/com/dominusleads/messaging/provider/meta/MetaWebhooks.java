package com.dominusleads.messaging.provider.meta;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ConstantTime;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.WebhookValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Meta WhatsApp Cloud API webhooks: the verification handshake, the {@code X-Hub-Signature-256} check and the
 * reading of {@code entry[].changes[].value} into our events.
 * <p>
 * Inbound messages: {@code text} gives its body, a template's quick-reply {@code button} its text, an
 * {@code interactive} reply the title of the button or list row chosen. Any other type (image, audio, location,
 * reaction…) is still an answer from the contact and becomes an {@link InboundMessage} with the text {@code ""}: we
 * keep no media. A message without a phone number in {@code from} (a contact known only by Meta's business-scoped user
 * id) is skipped, as our contacts are phone numbers.
 */
@ApplicationScoped
public class MetaWebhooks {

    private static final Logger LOG = Logger.getLogger(MetaWebhooks.class);
    private static final String SIGNATURE_PREFIX = "sha256=";
    private static final int SHA256_BYTES = 32;

    private final Clock clock;

    public MetaWebhooks() {
        this(Clock.systemUTC());
    }

    public MetaWebhooks(Clock clock) {
        this.clock = clock;
    }

    /**
     * Meta's subscription handshake ({@code GET ?hub.mode&hub.verify_token&hub.challenge}): the challenge to echo when
     * the mode is {@code subscribe} and the token is the channel's, else empty (answered 403).
     */
    public Optional<String> verifyChallenge(Channel channel, String mode, String verifyToken, String challenge) {
        boolean accepted = "subscribe".equals(mode) && challenge != null
                && ConstantTime.equal(channel.optionalSecret(MetaChannelKeys.VERIFY_TOKEN), verifyToken);
        return accepted ? Optional.of(challenge) : Optional.empty();
    }

    /**
     * Whether {@code signatureHeader} is {@code sha256=} and the hex HMAC-SHA256 of the raw body with the channel's
     * app secret. The bytes as received: Meta signs its own serialisation ({@code \u00e3}, {@code \/}), which no JSON
     * library reproduces. Missing or malformed: false.
     */
    public boolean verify(Channel channel, byte[] rawBody, String signatureHeader) {
        String appSecret = channel.optionalSecret(MetaChannelKeys.APP_SECRET);
        if (appSecret == null) {
            LOG.warnf("Meta webhook for channel %s refused: the channel has no app secret", channel.id());
            return false;
        }
        if (rawBody == null || signatureHeader == null || !signatureHeader.startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHeader.substring(SIGNATURE_PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return presented.length == SHA256_BYTES && ConstantTime.equal(hmacSha256(appSecret, rawBody), presented);
    }

    /** The events of a verified body, in order. */
    public List<ProviderEvent> parse(byte[] rawBody) {
        return parseByPhoneNumberId(rawBody).values().stream().flatMap(List::stream).toList();
    }

    /**
     * The events of a verified body grouped by the {@code metadata.phone_number_id} they arrived for (in order of
     * appearance): one Meta app may post about several numbers, each maybe another channel of ours.
     *
     * @throws MalformedPayloadException when the body is not a Meta webhook
     */
    public Map<String, List<ProviderEvent>> parseByPhoneNumberId(byte[] rawBody) {
        try {
            JsonObject root = new JsonObject(Buffer.buffer(rawBody));
            Map<String, List<ProviderEvent>> byNumber = new LinkedHashMap<>();
            for (JsonObject entry : WebhookValues.objects(root.getJsonArray("entry"))) {
                for (JsonObject change : WebhookValues.objects(entry.getJsonArray("changes"))) {
                    JsonObject value = change.getJsonObject("value");
                    if (value == null) {
                        continue;
                    }
                    JsonObject metadata = value.getJsonObject("metadata", new JsonObject());
                    String phoneNumberId = metadata.getString("phone_number_id");
                    if (phoneNumberId == null) {
                        continue;   // not a messages change (account updates, templates…)
                    }
                    List<ProviderEvent> events = byNumber.computeIfAbsent(phoneNumberId, id -> new ArrayList<>());
                    for (JsonObject message : WebhookValues.objects(value.getJsonArray("messages"))) {
                        inbound(phoneNumberId, message).ifPresent(events::add);
                    }
                    for (JsonObject status : WebhookValues.objects(value.getJsonArray("statuses"))) {
                        status(status).ifPresent(events::add);
                    }
                }
            }
            byNumber.values().removeIf(List::isEmpty);
            return byNumber;
        } catch (DecodeException | ClassCastException e) {
            throw new MalformedPayloadException("not a Meta webhook body: " + e.getMessage(), e);
        }
    }

    private Optional<ProviderEvent> inbound(String phoneNumberId, JsonObject message) {
        String id = message.getString("id");
        Optional<String> from = ContactAddress.phone(message.getString("from", ""));
        if (id == null || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Provider.META, ChannelKind.WHATSAPP, id, from.get(), phoneNumberId,
                text(message), WebhookValues.epochSeconds(message.getValue("timestamp"), clock.instant()), null));
    }

    private static String text(JsonObject message) {
        String type = message.getString("type", "");
        String text = switch (type) {
            case "text" -> message.getJsonObject("text", new JsonObject()).getString("body");
            case "button" -> message.getJsonObject("button", new JsonObject()).getString("text");
            case "interactive" -> {
                JsonObject interactive = message.getJsonObject("interactive", new JsonObject());
                JsonObject reply = interactive.getJsonObject("button_reply",
                        interactive.getJsonObject("list_reply", new JsonObject()));
                yield reply.getString("title");
            }
            default -> null;
        };
        return text == null ? "" : text;
    }

    private Optional<ProviderEvent> status(JsonObject status) {
        String id = status.getString("id");
        DeliveryStatus delivery = switch (status.getString("status", "")) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;   // "deleted", "warning": nothing about delivery
        };
        if (id == null || delivery == null) {
            return Optional.empty();
        }
        JsonArray errors = status.getJsonArray("errors");
        JsonObject error = errors == null || errors.isEmpty() ? new JsonObject() : errors.getJsonObject(0);
        Object code = error.getValue("code");
        return Optional.of(new StatusUpdate(Provider.META, id,
                WebhookValues.uuid(status.getString("biz_opaque_callback_data")).orElse(null), delivery,
                code == null ? null : code.toString(), error.getString("title"),
                WebhookValues.epochSeconds(status.getValue("timestamp"), clock.instant())));
    }

    private static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
