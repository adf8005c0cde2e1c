package com.dominusleads.providersimulator;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Meta's WhatsApp Cloud API: {@code POST /{api-version}/{phone-number-id}/messages} (text and template messages) with
 * its answer and error shapes, and the webhooks that follow ({@code statuses[]} and {@code messages[]} under
 * {@code entry[].changes[].value}), signed {@code X-Hub-Signature-256} with the app secret and serialised as Meta
 * does (non-ASCII and {@code /} escaped). A send's {@code biz_opaque_callback_data} comes back in each of its
 * statuses, as at Meta.
 */
final class MetaCloudApi implements Provider {

    static final String NAME = "meta";
    static final int UNDELIVERABLE = 131026;
    /** Meta's limit on {@code biz_opaque_callback_data}. */
    static final int MAX_CALLBACK_DATA = 512;

    /**
     * Meta's webhook JSON (PHP's json_encode): {@code \u00e3} for "ã" (lower-case hex, surrogate pairs for emoji) and
     * {@code \/} for "/", so only the raw bytes verify.
     */
    private static final ObjectMapper WIRE = JsonMapper.builder().build();

    static {
        WIRE.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] ascii;

            {
                ascii = CharacterEscapes.standardAsciiEscapesForJSON();
                ascii['/'] = CharacterEscapes.ESCAPE_CUSTOM;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return ascii;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                if (ch == '/') {
                    return new SerializedString("\\/");
                }
                return ch > 0x7F ? new SerializedString(String.format("\\u%04x", ch)) : null;
            }
        });
    }

    private final Simulation sim;
    private final HttpClient verifier = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The sender's {@code biz_opaque_callback_data} per message id, echoed in the message's statuses. */
    private final Map<String, String> callbackData = new ConcurrentHashMap<>();

    MetaCloudApi(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether the path is the Graph API's: {@code /v21.0/…}. */
    static boolean handles(Call call) {
        return call.size() > 0 && call.segments()[0].matches("v[0-9]+\\.[0-9]+");
    }

    Answer handle(Call call) {
        Faults.Decision fault = sim.faults.decide(sim.config().faults());
        if (fault.serverError() > 0) {
            return serverError(fault.serverError());
        }
        if (call.size() != 3 || !call.segment(2).equals("messages") || !call.method().equals("POST")) {
            throw error(400, "Unsupported " + call.method().toLowerCase() + " request. Object with ID '"
                    + (call.size() > 1 ? call.segment(1) : "") + "' does not exist, cannot be loaded due to missing"
                    + " permissions, or does not support this operation. Please read the Graph API documentation at"
                    + " https://developers.facebook.com/docs/graph-api", "GraphMethodException", 100, 33, null);
        }
        authenticate(call);
        if (fault.throttled()) {
            Answer throttled = error(sim.config().faults().metaThrottleStatus(), "(#130429) Rate limit hit",
                    "OAuthException", 130429, null, "Cloud API message throughput has been reached.").answer;
            return throttled.status() == 429
                    ? throttled.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds())) : throttled;
        }
        return send(call.segment(1), call.json());
    }

    private void authenticate(Call call) {
        String authorization = call.header("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        var accepted = sim.config().meta().accessTokens();
        if (token == null || token.isEmpty() || !accepted.isEmpty() && !accepted.contains(token)) {
            throw error(401, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null,
                    null);
        }
    }

    private Answer send(String phoneNumberId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("(#100) Invalid parameter", "The request body must be a JSON object.");
        }
        String product = body.path("messaging_product").asText(null);
        if (product == null) {
            throw invalid("(#100) The parameter messaging_product is required.", null);
        }
        if (!product.equals("whatsapp")) {
            throw invalid("(#100) Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".", null);
        }
        String to = body.path("to").asText(null);
        if (to == null || to.isBlank()) {
            throw invalid("(#100) The parameter to is required.", null);
        }
        String contact = ContactKey.of(to);
        if (!ContactKey.isE164(contact)) {
            throw invalid("(#100) Invalid parameter", "Invalid value for parameter to: " + to);
        }
        String type = body.path("type").asText("text");
        String text;
        switch (type) {
            case "text" -> {
                text = body.path("text").path("body").asText(null);
                if (text == null) {
                    throw invalid("(#100) The parameter text['body'] is required.", null);
                }
            }
            case "template" -> {
                text = body.path("template").path("name").asText(null);
                if (text == null) {
                    throw invalid("(#100) The parameter template['name'] is required.", null);
                }
                if (body.path("template").path("language").path("code").asText(null) == null) {
                    throw invalid("(#100) The parameter template['language']['code'] is required.", null);
                }
            }
            default -> throw invalid("(#100) Param type must be one of {TEXT, TEMPLATE} - got \"" + type + "\".",
                    "The provider simulator speaks text and template messages only.");
        }
        String opaque = body.path("biz_opaque_callback_data").asText(null);
        if (opaque != null && opaque.length() > MAX_CALLBACK_DATA) {
            throw invalid("(#100) Invalid parameter", "biz_opaque_callback_data is longer than " + MAX_CALLBACK_DATA
                    + " characters.");
        }
        SimulatorConfig config = sim.config();
        Contacts.Plan plan = sim.contacts.plan(Channel.WHATSAPP, contact, config);
        String messageId = wamid();
        if (opaque != null) {
            callbackData.put(messageId, opaque);
        }
        String from = displayNumber(config, phoneNumberId);
        Send send = sim.record(new SendLog.SendDraft(NAME, Channel.WHATSAPP, phoneNumberId, from, to, contact, type,
                text, messageId, Instant.now(), 200, null, plan.outcome(), plan.afterOptOut()));
        ObjectNode answer = SimulatorConfig.MAPPER.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", contact.substring(1));
        ObjectNode message = answer.putArray("messages").addObject().put("id", messageId);
        if (type.equals("template")) {
            message.put("message_status", "accepted");
        }
        return Answer.json(200, answer).then(() -> sim.play(send, plan, this));
    }

    private static String displayNumber(SimulatorConfig config, String phoneNumberId) {
        String display = config.meta().number(phoneNumberId).displayPhoneNumber();
        return display != null ? display : phoneNumberId;
    }

    // ---------------------------------------------------------------- webhooks

    @Override
    public void play(Send send, Step step, Integer errorCode, String reply) {
        switch (step) {
            case SENT -> status(send, "sent", null);
            case DELIVERED -> status(send, "delivered", null);
            case READ -> status(send, "read", null);
            case FAILED -> status(send, "failed", errorCode == null ? UNDELIVERABLE : errorCode);
            case REPLY -> message(send.account(), send.contact(), reply, Inbound.Signature.VALID);
        }
    }

    @Override
    public Delivery status(Send send, String status, Integer errorCode) {
        ObjectNode statusNode = SimulatorConfig.MAPPER.createObjectNode();
        statusNode.put("id", send.messageId());
        statusNode.put("status", status);
        statusNode.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        statusNode.put("recipient_id", send.contact().substring(1));
        String opaque = callbackData.get(send.messageId());
        if (opaque != null) {
            statusNode.put("biz_opaque_callback_data", opaque);
        }
        if (status.equals("sent") || status.equals("delivered")) {
            String category = send.type().equals("template") ? "marketing" : "service";
            ObjectNode conversation = statusNode.putObject("conversation");
            conversation.put("id", conversationId(send));
            if (status.equals("sent")) {
                conversation.put("expiration_timestamp", String.valueOf(Instant.now().plusSeconds(86_400)
                        .getEpochSecond()));
            }
            conversation.putObject("origin").put("type", category);
            statusNode.putObject("pricing").put("billable", true).put("pricing_model", "PMP")
                    .put("category", category);
        }
        if (status.equals("failed")) {
            int code = errorCode == null ? UNDELIVERABLE : errorCode;
            ObjectNode error = statusNode.putArray("errors").addObject();
            error.put("code", code);
            error.put("title", title(code));
            error.put("message", title(code));
            error.putObject("error_data").put("details", details(code));
            error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        }
        ObjectNode value = value(send.account());
        value.putArray("statuses").add(statusNode);
        return post(send.account(), "status", status, send.messageId(), send.contact(), value, Inbound.Signature.VALID);
    }

    @Override
    public Delivery inbound(Inbound inbound) {
        String contact = ContactKey.of(inbound.from());
        String phoneNumberId = inbound.to();
        if (phoneNumberId == null) {
            Send last = sim.sends.lastTo(NAME, contact);
            if (last == null) {
                throw new IllegalArgumentException("nothing was sent to " + contact + " through Meta: give 'to' (the"
                        + " phone-number id)");
            }
            phoneNumberId = last.account();
        }
        return message(phoneNumberId, contact, inbound.text(), inbound.signature());
    }

    private Delivery message(String phoneNumberId, String contact, String text, Inbound.Signature signature) {
        String waId = contact.substring(1);
        ObjectNode value = value(phoneNumberId);
        ObjectNode profile = value.putArray("contacts").addObject();
        profile.putObject("profile").put("name", "Contato " + waId.substring(Math.max(0, waId.length() - 4)));
        profile.put("wa_id", waId);
        String id = wamid();
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", waId);
        message.put("id", id);
        message.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        message.putObject("text").put("body", text);
        message.put("type", "text");
        sim.heard(contact, text, NAME);
        return post(phoneNumberId, "inbound", "message", id, contact, value, signature);
    }

    private ObjectNode value(String phoneNumberId) {
        ObjectNode value = SimulatorConfig.MAPPER.createObjectNode();
        value.put("messaging_product", "whatsapp");
        String display = sim.config().meta().number(phoneNumberId).displayPhoneNumber();
        value.putObject("metadata")
                .put("display_phone_number", display == null ? "15550000000" : display.replaceAll("[^0-9]", ""))
                .put("phone_number_id", phoneNumberId);
        return value;
    }

    private Delivery post(String phoneNumberId, String kind, String event, String messageId, String contact,
                          ObjectNode value, Inbound.Signature signature) {
        SimulatorConfig.Meta meta = sim.config().meta();
        String wabaId = meta.number(phoneNumberId).wabaId();
        ObjectNode root = SimulatorConfig.MAPPER.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ArrayNode entries = root.putArray("entry");
        ObjectNode entry = entries.addObject();
        entry.put("id", wabaId == null ? "102290129340398" : wabaId);
        entry.putArray("changes").addObject().<ObjectNode>set("value", value).put("field", "messages");
        byte[] body;
        try {
            body = WIRE.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String secret = meta.appSecretOf(phoneNumberId);
        Deliveries.Signer signer = switch (signature) {
            case VALID -> (url, bytes) -> Map.of(MetaSignature.HEADER, MetaSignature.of(secret, bytes));
            case FORGED -> (url, bytes) -> Map.of(MetaSignature.HEADER, MetaSignature.of("forged-" + secret, bytes));
            case NONE -> null;
        };
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "facebookexternalua");
        return sim.deliveries.deliver(new Deliveries.Outbound(NAME, kind, event, messageId, contact,
                meta.webhookUrlOf(phoneNumberId), headers, body, signer, sim.deliveries.http(),
                "no Meta webhook URL configured for phone number " + phoneNumberId));
    }

    /**
     * Meta's webhook verification as Meta performs it when a webhook URL is saved: {@code GET
     * url?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…}; the receiver must answer 200 with the challenge.
     */
    ObjectNode verify(String phoneNumberId, String verifyToken) throws InterruptedException {
        URI url = sim.config().meta().webhookUrlOf(phoneNumberId);
        if (url == null) {
            throw new IllegalArgumentException("no Meta webhook URL configured for phone number " + phoneNumberId);
        }
        String token = verifyToken != null ? verifyToken : sim.config().meta().number(phoneNumberId).verifyToken();
        if (token == null) {
            throw new IllegalArgumentException("no verify token: give verifyToken or configure"
                    + " meta.phoneNumbers." + phoneNumberId + ".verifyToken");
        }
        String challenge = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        URI request = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "hub.mode=subscribe&hub.challenge="
                + challenge + "&hub.verify_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        ObjectNode result = SimulatorConfig.MAPPER.createObjectNode();
        result.put("url", request.toString());
        result.put("challenge", challenge);
        try {
            HttpResponse<String> response = verifier.send(HttpRequest.newBuilder(request)
                    .timeout(Duration.ofSeconds(10)).header("User-Agent", "facebookplatform/1.0").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            result.put("status", response.statusCode());
            result.put("body", response.body());
            result.put("verified", response.statusCode() == 200 && response.body().trim().equals(challenge));
        } catch (IOException e) {
            result.put("status", 0);
            result.put("error", e.toString());
            result.put("verified", false);
        }
        return result;
    }

    /** Forgets the sends' callback data (with the sends, on a reset). */
    void clear() {
        callbackData.clear();
    }

    // ---------------------------------------------------------------- ids and errors

    private static String wamid() {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        return "wamid.HBgM" + Base64.getEncoder().withoutPadding().encodeToString(random).replace('/', 'A')
                .replace('+', 'B');
    }

    private static String conversationId(Send send) {
        return Integer.toHexString((send.account() + send.contact()).hashCode()) + "c0ffee";
    }

    private static String title(int code) {
        return switch (code) {
            case 131026 -> "Message undeliverable";
            case 131047 -> "Re-engagement message";
            case 131049 -> "This message was not delivered to maintain healthy ecosystem engagement.";
            case 131050 -> "User stopped marketing messages";
            case 131000 -> "Something went wrong";
            default -> "Message failed to send";
        };
    }

    private static String details(int code) {
        return switch (code) {
            case 131026 -> "Message Undeliverable.";
            case 131047 -> "Message failed to send because more than 24 hours have passed since the customer last"
                    + " replied to this number.";
            case 131049 -> "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.";
            case 131050 -> "Unable to deliver the marketing message: the user has stopped marketing messages.";
            default -> "Message failed to send.";
        };
    }

    private ApiError invalid(String message, String details) {
        return error(400, message, "OAuthException", 100, null, details);
    }

    private Answer serverError(int status) {
        return status == 500
                ? error(500, "An unknown error has occurred.", "OAuthException", 1, null, null).answer
                : error(status, "(#2) Service temporarily unavailable", "OAuthException", 2, null,
                        "Service temporarily unavailable").answer;
    }

    /** Meta's error shape: {@code {error:{message, type, code, error_subcode?, error_data?, fbtrace_id}}}. */
    static ApiError error(int status, String message, String type, int code, Integer subcode, String details) {
        ObjectNode body = SimulatorConfig.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (details != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        byte[] trace = new byte[16];
        ThreadLocalRandom.current().nextBytes(trace);
        error.put("fbtrace_id", "A" + Base64.getUrlEncoder().withoutPadding().encodeToString(trace).substring(0, 22));
        Answer answer = Answer.json(status, body);
        return new ApiError(status == 401
                ? answer.withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \""
                + message.replace("\"", "'") + "\"") : answer);
    }
}
