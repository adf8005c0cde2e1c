package com.dominusleads.messaging.provider.evolution;

import com.dominusleads.messaging.domain.Channel;
import com.dominusleads.messaging.domain.ChannelKind;
import com.dominusleads.messaging.domain.ContactAddress;
import com.dominusleads.messaging.domain.DeliveryStatus;
import com.dominusleads.messaging.domain.Provider;
import com.dominusleads.messaging.provider.ConstantTime;
import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.messaging.provider.ProviderEvent;
import com.dominusleads.messaging.provider.ProviderEvent.ConnectionChanged;
import com.dominusleads.messaging.provider.ProviderEvent.InboundMessage;
import com.dominusleads.messaging.provider.ProviderEvent.StatusUpdate;
import com.dominusleads.messaging.provider.WebhookValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * Evolution API v2 (Baileys) webhooks: their authentication and the reading of {@code messages.upsert},
 * {@code messages.update} and {@code connection.update} into our events; other events mean nothing to us.
 * <p>
 * Evolution signs no body. What authenticates a webhook is what the channel was set up with: the custom header
 * {@code x-evolution-secret} ({@code webhookSecret}) and/or the HS256 bearer JWT Evolution ≥ 2.3.7 makes from the
 * webhook's {@code jwt_key} ({@code jwtKey}). Every one configured must pass, and a channel with neither is refused
 * outright: the body's {@code instance} and {@code apikey} are no secret to whoever has seen one webhook, so they only
 * confirm what the secrets proved. A JWT is replayable during its 10 minutes and does not cover the body: the events'
 * own ids (deduplicated downstream) make a replay harmless.
 */
@ApplicationScoped
public class EvolutionWebhooks {

    private static final Logger LOG = Logger.getLogger(EvolutionWebhooks.class);
    static final String SECRET_HEADER = "x-evolution-secret";
    private static final String BEARER = "Bearer ";
    private static final int CLOCK_SKEW_SECONDS = 30;
    /** Evolution's tokens live 600 s; one claiming much longer was not made by Evolution. */
    private static final int MAX_VALIDITY_MINUTES = 15;
    /** Baileys' numeric statuses, by value (older Evolution versions pass them through). */
    private static final List<String> NUMERIC_STATUSES =
            List.of("ERROR", "PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED");

    private final Clock clock;

    public EvolutionWebhooks() {
        this(Clock.systemUTC());
    }

    public EvolutionWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** Whether the webhook passes every check the channel is configured for ({@link #verifyHeaders}, {@link #verifyBody}). */
    public boolean verify(Channel channel, Map<String, String> headers, JsonObject body) {
        return verifyHeaders(channel, headers) && verifyBody(channel, body);
    }

    /**
     * The secrets, checked before the body is even parsed: {@code x-evolution-secret} when the channel has a
     * {@code webhookSecret}, the bearer JWT when it has a {@code jwtKey} (HS256 with that key, not expired, issued by
     * {@code app: "evolution"} for {@code action: "webhook"}); false when it has neither. Header names are matched
     * ignoring case.
     */
    public boolean verifyHeaders(Channel channel, Map<String, String> headers) {
        String webhookSecret = channel.optionalSecret(EvolutionChannelKeys.WEBHOOK_SECRET);
        String jwtKey = channel.optionalSecret(EvolutionChannelKeys.JWT_KEY);
        if (webhookSecret == null && jwtKey == null) {
            LOG.warnf("Evolution webhook for channel %s refused: the channel has neither a webhook secret nor a JWT"
                    + " key", channel.id());
            return false;
        }
        if (webhookSecret != null && !ConstantTime.equal(webhookSecret, header(headers, SECRET_HEADER))) {
            return false;
        }
        return jwtKey == null || validJwt(channel, jwtKey, header(headers, "Authorization"));
    }

    /**
     * The JSON object of a body whose headers passed {@link #verifyHeaders}.
     *
     * @throws MalformedPayloadException when it is not one
     */
    public JsonObject readBody(byte[] rawBody) {
        try {
            return new JsonObject(Buffer.buffer(rawBody));
        } catch (DecodeException | ClassCastException e) {
            throw new MalformedPayloadException("not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The body names the channel's instance and, when it carries {@code apikey}, the channel's instance token. */
    public boolean verifyBody(Channel channel, JsonObject body) {
        if (body == null || !channel.setting(EvolutionChannelKeys.INSTANCE).equals(stringOrNull(body, "instance"))) {
            return false;
        }
        String apiKey = stringOrNull(body, "apikey");
        return apiKey == null || ConstantTime.equal(channel.optionalSecret(EvolutionChannelKeys.API_KEY), apiKey);
    }

    private boolean validJwt(Channel channel, String jwtKey, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKey(new HmacKey(jwtKey.getBytes(StandardCharsets.UTF_8)))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.HMAC_SHA256)
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setMaxFutureValidityInMinutes(MAX_VALIDITY_MINUTES)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setSkipDefaultAudienceValidation()
                    .build()
                    .processToClaims(authorization.substring(BEARER.length()).trim());
            return "evolution".equals(claims.getClaimValue("app")) && "webhook".equals(claims.getClaimValue("action"));
        } catch (InvalidJwtException e) {
            // Also a key shorter than HS256's 256 bits: jose4j refuses those, and so do we (channels need ≥ 32 bytes).
            LOG.debugf("Evolution webhook JWT for channel %s refused: %s", channel.id(), e.getMessage());
            return false;
        }
    }

    /**
     * The events of a verified body. The event is the body's {@code event} (the URL suffix of "webhook by events" is
     * only a copy of it), in any of Evolution's spellings ({@code messages.upsert}, {@code MESSAGES_UPSERT},
     * {@code messages-upsert}).
     *
     * @throws MalformedPayloadException when members have types Evolution never sends
     */
    public List<ProviderEvent> parse(JsonObject body) {
        try {
            String event = stringOrNull(body, "event");
            if (event == null) {
                return List.of();
            }
            String instance = stringOrNull(body, "instance");
            Instant at = dateTime(stringOrNull(body, "date_time"));
            return switch (event.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.')) {
                case "messages.upsert" -> data(body).stream()
                        .flatMap(data -> inbound(instance, data).stream()).toList();
                case "messages.update" -> data(body).stream()
                        .flatMap(data -> status(data, at).stream()).toList();
                case "connection.update" -> data(body).stream()
                        .flatMap(data -> connection(instance, data, at).stream()).toList();
                default -> List.of();
            };
        } catch (ClassCastException e) {
            throw new MalformedPayloadException("not an Evolution webhook body: " + e.getMessage(), e);
        }
    }

    /**
     * A contact's message; none for our own ({@code fromMe}: echoes of our sends), groups, broadcasts and channels,
     * and contacts whose phone number is unknown. A contact WhatsApp addresses by LID ({@code …@lid}, an opaque id
     * that replaces the number in 2025+ chats) is read from {@code remoteJidAlt} or {@code senderPn}, which carry
     * their number.
     */
    private Optional<ProviderEvent> inbound(String instance, JsonObject data) {
        JsonObject key = data.getJsonObject("key", new JsonObject());
        String id = stringOrNull(key, "id");
        String remoteJid = stringOrNull(key, "remoteJid");
        if (id == null || remoteJid == null || Boolean.TRUE.equals(key.getBoolean("fromMe"))
                || remoteJid.endsWith("@g.us") || remoteJid.endsWith("@broadcast")
                || remoteJid.endsWith("@newsletter")) {
            return Optional.empty();
        }
        String jid = remoteJid.endsWith("@lid")
                ? Optional.ofNullable(stringOrNull(key, "remoteJidAlt")).orElse(stringOrNull(key, "senderPn"))
                : remoteJid;
        Optional<String> from = jid == null ? Optional.empty() : ContactAddress.phone(jid);
        if (from.isEmpty()) {
            LOG.debugf("Evolution message %s skipped: no phone number for %s", id, remoteJid);
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Provider.EVOLUTION, ChannelKind.WHATSAPP, id, from.get(), instance,
                text(data.getJsonObject("message", new JsonObject())),
                WebhookValues.epochSeconds(data.getValue("messageTimestamp"), clock.instant()), null));
    }

    /** The text of a text message or of a button/list choice; {@code ""} for media and everything else. */
    private static String text(JsonObject message) {
        String text = stringOrNull(message, "conversation");
        if (text == null) {
            text = stringOrNull(message.getJsonObject("extendedTextMessage", new JsonObject()), "text");
        }
        if (text == null) {
            text = stringOrNull(message.getJsonObject("buttonsResponseMessage", new JsonObject()),
                    "selectedDisplayText");
        }
        if (text == null) {
            text = stringOrNull(message.getJsonObject("listResponseMessage", new JsonObject()), "title");
        }
        return text == null ? "" : text;
    }

    /** A status of one of our messages, by its key id ({@code keyId}, or {@code key.id} in older versions). */
    private static Optional<ProviderEvent> status(JsonObject data, Instant at) {
        if (Boolean.FALSE.equals(data.getBoolean("fromMe"))) {
            return Optional.empty();   // the contact's message changed (we read it…): not ours to track
        }
        String keyId = Optional.ofNullable(stringOrNull(data, "keyId"))
                .orElse(stringOrNull(data.getJsonObject("key", new JsonObject()), "id"));
        Object rawStatus = data.getValue("status");
        String name = rawStatus instanceof Number n && n.intValue() >= 0 && n.intValue() < NUMERIC_STATUSES.size()
                ? NUMERIC_STATUSES.get(n.intValue()) : String.valueOf(rawStatus);
        DeliveryStatus status = switch (name) {
            case "SERVER_ACK" -> DeliveryStatus.SENT;
            case "DELIVERY_ACK" -> DeliveryStatus.DELIVERED;
            case "READ", "PLAYED" -> DeliveryStatus.READ;
            case "ERROR" -> DeliveryStatus.FAILED;
            default -> null;   // PENDING, DELETED
        };
        if (keyId == null || status == null) {
            return Optional.empty();
        }
        // Evolution echoes neither our id nor an error code: the key id is matched to the send's answer.
        return Optional.of(new StatusUpdate(Provider.EVOLUTION, keyId, null, status, null, null, at));
    }

    /** The instance's new state: {@code open}, {@code connecting}, {@code close} or {@code refused}. */
    private static Optional<ProviderEvent> connection(String instance, JsonObject data, Instant at) {
        String state = stringOrNull(data, "state");
        String of = Optional.ofNullable(stringOrNull(data, "instance")).orElse(instance);
        return state == null ? Optional.empty()
                : Optional.of(new ConnectionChanged(Provider.EVOLUTION, of, state, at));
    }

    /** {@code data}: one object, or (some versions, some events) an array of them. */
    private static List<JsonObject> data(JsonObject body) {
        Object data = body.getValue("data");
        if (data instanceof JsonObject object) {
            return List.of(object);
        }
        return data instanceof JsonArray array ? WebhookValues.objects(array) : List.of();
    }

    private Instant dateTime(String isoInstant) {
        if (isoInstant != null) {
            try {
                return Instant.parse(isoInstant);
            } catch (DateTimeParseException e) {
                // fall through: the time we read it is close enough
            }
        }
        return clock.instant();
    }

    /** A string member, or null when absent or not a string. */
    private static String stringOrNull(JsonObject object, String name) {
        return object.getValue(name) instanceof String value ? value : null;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
