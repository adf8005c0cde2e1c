package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator does, changeable at any time ({@code GET|POST|PUT /_simulator/config}): where each provider's
 * webhooks go and the secrets they are signed with, how contacts react, how long they take, which failures are
 * injected. Parsed strictly from its JSON form (an unknown member is an error, so a typo never passes silently); the
 * JSON form, defaults included, is {@link #json()}. See docs/provider-simulator.md for every member.
 */
public record SimulatorConfig(Meta meta, Twilio twilio, Evolution evolution, Mail email, Outcomes outcomes,
                              Latency latency, FaultSettings faults, ObjectNode json) {

    /**
     * Meta's WhatsApp Cloud API.
     *
     * @param appSecret    signs every webhook unless the phone number has its own
     * @param accessTokens the {@code Authorization: Bearer} tokens accepted; empty accepts any non-blank token
     * @param webhookUrl   where webhooks go unless the phone number has its own; null: nowhere
     * @param phoneNumbers per phone-number id (any id is accepted for sending, configured or not)
     */
    public record Meta(String appSecret, Set<String> accessTokens, URI webhookUrl,
                       Map<String, MetaNumber> phoneNumbers) {

        MetaNumber number(String phoneNumberId) {
            return phoneNumbers.getOrDefault(phoneNumberId, MetaNumber.NONE);
        }

        URI webhookUrlOf(String phoneNumberId) {
            URI own = number(phoneNumberId).webhookUrl();
            return own != null ? own : webhookUrl;
        }

        String appSecretOf(String phoneNumberId) {
            String own = number(phoneNumberId).appSecret();
            return own != null ? own : appSecret;
        }
    }

    /** One Meta business phone number: what its webhooks carry and where they go. */
    public record MetaNumber(String displayPhoneNumber, String wabaId, URI webhookUrl, String appSecret,
                             String verifyToken) {

        static final MetaNumber NONE = new MetaNumber(null, null, null, null, null);
    }

    /**
     * Twilio.
     *
     * @param accounts   auth token per account SID; empty accepts any {@code AC…} SID with any non-blank token (and signs
     *                   that account's webhooks with the token it authenticated with)
     * @param inboundUrl where inbound messages go unless the number has its own; null: nowhere
     * @param numbers    per sender address as given in {@code From}, e.g. {@code +5511…} or {@code whatsapp:+5511…}
     */
    public record Twilio(Map<String, String> accounts, URI inboundUrl, Map<String, TwilioNumber> numbers) {

        TwilioNumber number(String address) {
            TwilioNumber own = numbers.get(address);
            if (own == null && address.startsWith("whatsapp:")) {
                own = numbers.get(address.substring("whatsapp:".length()));
            }
            return own == null ? TwilioNumber.NONE : own;
        }

        URI inboundUrlOf(String address) {
            URI own = number(address).inboundUrl();
            return own != null ? own : inboundUrl;
        }
    }

    /** One Twilio sender: where its inbound messages go, and the account it belongs to (which signs them). */
    public record TwilioNumber(URI inboundUrl, String accountSid) {

        static final TwilioNumber NONE = new TwilioNumber(null, null);
    }

    /**
     * Evolution API v2.
     *
     * @param apiKey    the global key ({@code AUTHENTICATION_API_KEY}); each instance's token works for that instance
     * @param serverUrl the {@code server_url} webhooks carry; null: the simulator's own address
     * @param instances created (or updated) when the configuration is applied; instances also come from
     *                  {@code POST /instance/create}
     */
    public record Evolution(String apiKey, URI serverUrl, Map<String, EvolutionInstance> instances) {
    }

    /**
     * One Evolution instance as configured.
     *
     * @param token   the instance's own API key (also sent as {@code apikey} in its webhooks)
     * @param number  the WhatsApp number it is paired with, digits only
     * @param state   {@code open} (paired) or {@code close} (needs a QR code scan: {@code GET /instance/connect})
     * @param webhook as {@code POST /webhook/set/{instance}} takes it
     */
    public record EvolutionInstance(String token, String number, String state, EvolutionWebhook webhook) {
    }

    /**
     * An Evolution instance's webhook, as Evolution stores it.
     *
     * @param headers sent with every webhook as they are, except {@code jwt_key}: replaced by
     *                {@code Authorization: Bearer <HS256 JWT signed with it>}
     */
    public record EvolutionWebhook(URI url, boolean enabled, boolean byEvents, boolean base64, List<String> events,
                                   Map<String, String> headers) {

        static final List<String> ALL_EVENTS = List.of("APPLICATION_STARTUP", "QRCODE_UPDATED", "MESSAGES_SET",
                "MESSAGES_UPSERT", "MESSAGES_EDITED", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE",
                "CONTACTS_SET", "CONTACTS_UPSERT", "CONTACTS_UPDATE", "PRESENCE_UPDATE", "CHATS_SET", "CHATS_UPSERT",
                "CHATS_UPDATE", "CHATS_DELETE", "GROUPS_UPSERT", "GROUP_UPDATE", "GROUP_PARTICIPANTS_UPDATE",
                "CONNECTION_UPDATE", "LABELS_EDIT", "LABELS_ASSOCIATION", "CALL", "TYPEBOT_START",
                "TYPEBOT_CHANGE_STATUS");

        /** Whether the event (e.g. {@code messages.upsert}) is sent. */
        boolean sends(String event) {
            return enabled && url != null && events.contains(event.replace('.', '_').toUpperCase());
        }

        static EvolutionWebhook parse(JsonNode node, String path) {
            Reader r = new Reader(node, path, Set.of("url", "enabled", "byEvents", "webhook_by_events", "base64",
                    "webhook_base64", "events", "headers"));
            boolean enabled = r.bool("enabled", true);
            List<String> events = new ArrayList<>();
            for (String event : r.strings("events")) {
                String name = event.trim().replace('.', '_').toUpperCase();
                if (!ALL_EVENTS.contains(name)) {
                    throw new IllegalArgumentException(path + ".events: unknown event " + event);
                }
                events.add(name);
            }
            return new EvolutionWebhook(r.uri("url"), enabled,
                    r.bool("byEvents", r.bool("webhook_by_events", false)),
                    r.bool("base64", r.bool("webhook_base64", false)),
                    List.copyOf(enabled && events.isEmpty() ? ALL_EVENTS : events), r.stringMap("headers"));
        }

        ObjectNode json() {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("enabled", enabled);
            node.put("url", url == null ? null : url.toString());
            node.put("byEvents", byEvents);
            node.put("base64", base64);
            events.forEach(node.putArray("events")::add);
            ObjectNode h = node.putObject("headers");
            headers.forEach(h::put);
            return node;
        }
    }

    /**
     * The mailbox responder: reads what was mailed to contacts (IMAP) and mails their replies (SMTP). Off while either
     * port is 0.
     *
     * @param watch        contact addresses to read, and {@code @domain} suffixes (which need {@code greenmailApi}
     *                     to list the mailboxes); the addresses of the outcome script are read too
     * @param greenmailApi GreenMail's REST API ({@code GET /api/user} lists mailboxes); null: only exact addresses
     * @param password     the IMAP password of every contact mailbox; null: the address itself (GreenMail's default
     *                     for a mailbox it created on delivery)
     * @param pollMillis   how often the mailboxes are read; 0: only on {@code POST /_simulator/email/poll}
     */
    public record Mail(String smtpHost, int smtpPort, String imapHost, int imapPort, URI greenmailApi,
                       List<String> watch, String password, long pollMillis) {

        boolean enabled() {
            return smtpPort > 0 && imapPort > 0;
        }
    }

    /**
     * How contacts react.
     *
     * @param script        per contact ({@link ContactKey}): the outcome of every send, of its n-th send (a list, the
     *                      last entry repeating), or per channel; takes precedence over the probabilities
     * @param probabilities of each outcome for contacts not in the script, drawn with the seed; what they leave of 1
     *                      is {@code silence}
     * @param replies       the text a contact answers with, per outcome
     * @param optOutWords   inbound texts (exact, case- and accent-insensitive, or followed by more words) that opt a
     *                      contact out
     */
    public record Outcomes(Map<String, Script> script, Map<Outcome, Double> probabilities,
                           Map<Outcome, String> replies, List<String> optOutWords) {

        String reply(Outcome outcome) {
            return replies.getOrDefault(outcome, outcome.defaultReply());
        }
    }

    /** One scripted contact: outcome sequences per channel, {@code null} key for any channel. */
    public record Script(Map<Channel, List<Planned>> byChannel, List<Planned> any) {

        /** The outcome of the contact's {@code nth} send on {@code channel} (nth counted per channel), if scripted. */
        Planned at(Channel channel, int nth) {
            List<Planned> sequence = byChannel.getOrDefault(channel, any);
            if (sequence == null || sequence.isEmpty()) {
                return null;
            }
            return sequence.get(Math.min(nth, sequence.size() - 1));
        }
    }

    /** An outcome with, optionally, the provider error code its failure carries (e.g. {@code invalid_number:30005}). */
    public record Planned(Outcome outcome, Integer errorCode) {

        static Planned parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return new Planned(Outcome.of(text), null);
            }
            try {
                return new Planned(Outcome.of(text.substring(0, colon)),
                        Integer.parseInt(text.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': the error code after ':' must be a number");
            }
        }
    }

    /**
     * How long things take after a send is accepted: the first status after {@code statusMillis}, the read receipt and
     * the reply after {@code replyMillis} (never before the status), each plus a seeded draw in [0, jitterMillis].
     */
    public record Latency(long statusMillis, long replyMillis, long jitterMillis) {
    }

    /**
     * Failures injected into provider API calls (admin calls never fail).
     *
     * @param serverErrorRate     share of calls answered 500, 502 or 503 in the provider's error shape
     * @param tooManyRequestsRate share of calls refused for throughput (Meta 130429, Twilio 20429, Evolution 429)
     * @param retryAfterSeconds   the {@code Retry-After} of 429 answers
     * @param metaThrottleStatus  the HTTP status of Meta's 130429: 400 as the Cloud API answers it, or 429
     */
    public record FaultSettings(double serverErrorRate, double tooManyRequestsRate, int retryAfterSeconds,
                                int metaThrottleStatus) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every member with its default value: the starting point of every configuration. */
    static ObjectNode defaults() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        meta.put("appSecret", "meta-app-secret-local");
        meta.putArray("accessTokens");
        meta.putNull("webhookUrl");
        meta.putObject("phoneNumbers");
        ObjectNode twilio = root.putObject("twilio");
        twilio.putObject("accounts");
        twilio.putNull("inboundUrl");
        twilio.putObject("numbers");
        ObjectNode evolution = root.putObject("evolution");
        evolution.put("apiKey", "evolution-api-key-local");
        evolution.putNull("serverUrl");
        evolution.putObject("instances");
        ObjectNode email = root.putObject("email");
        email.put("smtpHost", "127.0.0.1");
        email.put("smtpPort", 0);
        email.put("imapHost", "127.0.0.1");
        email.put("imapPort", 0);
        email.putNull("greenmailApi");
        email.putArray("watch");
        email.putNull("password");
        email.put("pollMillis", 1000);
        ObjectNode outcomes = root.putObject("outcomes");
        outcomes.putObject("script");
        ObjectNode p = outcomes.putObject("probabilities");
        p.put("interested", 0.25);
        p.put("not_interested", 0.25);
        p.put("opt_out", 0.10);
        p.put("silence", 0.35);
        p.put("invalid_number", 0.05);
        ObjectNode replies = outcomes.putObject("replies");
        for (Outcome o : Outcome.values()) {
            if (o.replies()) {
                replies.put(o.id(), o.defaultReply());
            }
        }
        List.of("PARE", "SAIR", "STOP", "PARAR", "CANCELAR", "REMOVER", "DESCADASTRAR", "NÃO QUERO", "NAO QUERO")
                .forEach(outcomes.putArray("optOutWords")::add);
        ObjectNode latency = root.putObject("latency");
        latency.put("statusMillis", 200);
        latency.put("replyMillis", 1000);
        latency.put("jitterMillis", 0);
        ObjectNode faults = root.putObject("faults");
        faults.put("serverErrorRate", 0.0);
        faults.put("tooManyRequestsRate", 0.0);
        faults.put("retryAfterSeconds", 1);
        faults.put("metaThrottleStatus", 400);
        return root;
    }

    /**
     * {@code patch} merged into {@code target} (JSON Merge Patch), except that {@code outcomes.probabilities}, when
     * given, replaces the previous shares as a whole (merged member by member, they would rarely add up to 1).
     */
    static ObjectNode merge(JsonNode target, JsonNode patch) {
        JsonNode base = target;
        if (patch != null && patch.path("outcomes").path("probabilities").isObject() && target != null
                && target.path("outcomes").isObject()) {
            base = target.deepCopy();
            ((ObjectNode) base.get("outcomes")).remove("probabilities");
        }
        return (ObjectNode) MergePatch.apply(base, patch);
    }

    /** The configuration {@code json} describes (a complete tree: defaults merged with what was given). */
    static SimulatorConfig parse(ObjectNode json) {
        Reader root = new Reader(json, "config", Set.of("meta", "twilio", "evolution", "email", "outcomes",
                "latency", "faults"));
        return new SimulatorConfig(meta(root.object("meta")), twilio(root.object("twilio")),
                evolution(root.object("evolution")), mail(root.object("email")), outcomes(root.object("outcomes")),
                latency(root.object("latency")), faults(root.object("faults")), json.deepCopy());
    }

    private static Meta meta(Reader r) {
        r.allow(Set.of("appSecret", "accessTokens", "webhookUrl", "phoneNumbers"));
        Map<String, MetaNumber> numbers = new LinkedHashMap<>();
        r.objects("phoneNumbers").forEach((id, n) -> {
            n.allow(Set.of("displayPhoneNumber", "wabaId", "webhookUrl", "appSecret", "verifyToken"));
            numbers.put(id, new MetaNumber(n.text("displayPhoneNumber"), n.text("wabaId"), n.uri("webhookUrl"),
                    n.secret("appSecret"), n.text("verifyToken")));
        });
        return new Meta(r.requiredSecret("appSecret"), new LinkedHashSet<>(r.strings("accessTokens")),
                r.uri("webhookUrl"), numbers);
    }

    private static Twilio twilio(Reader r) {
        r.allow(Set.of("accounts", "inboundUrl", "numbers"));
        Map<String, String> accounts = r.stringMap("accounts");
        accounts.forEach((sid, token) -> {
            if (!sid.matches("AC[0-9a-zA-Z]{32}")) {
                throw new IllegalArgumentException("twilio.accounts: '" + sid + "' is not an account SID (AC + 32)");
            }
            if (token.isBlank()) {
                throw new IllegalArgumentException("twilio.accounts." + sid + ": the auth token is blank");
            }
        });
        Map<String, TwilioNumber> numbers = new LinkedHashMap<>();
        r.objects("numbers").forEach((address, n) -> {
            n.allow(Set.of("inboundUrl", "accountSid"));
            numbers.put(address, new TwilioNumber(n.uri("inboundUrl"), n.text("accountSid")));
        });
        return new Twilio(accounts, r.uri("inboundUrl"), numbers);
    }

    private static Evolution evolution(Reader r) {
        r.allow(Set.of("apiKey", "serverUrl", "instances"));
        Map<String, EvolutionInstance> instances = new LinkedHashMap<>();
        r.objects("instances").forEach((name, n) -> {
            n.allow(Set.of("token", "number", "state", "webhook"));
            String state = n.text("state");
            if (state != null && !state.equals("open") && !state.equals("close")) {
                throw new IllegalArgumentException(n.path + ".state must be open or close, got " + state);
            }
            String number = n.text("number");
            instances.put(name, new EvolutionInstance(n.secret("token"),
                    number == null ? null : number.replaceAll("[^0-9]", ""), state == null ? "open" : state,
                    n.has("webhook") ? EvolutionWebhook.parse(n.node.get("webhook"), n.path + ".webhook") : null));
        });
        return new Evolution(r.requiredSecret("apiKey"), r.uri("serverUrl"), instances);
    }

    private static Mail mail(Reader r) {
        r.allow(Set.of("smtpHost", "smtpPort", "imapHost", "imapPort", "greenmailApi", "watch", "password",
                "pollMillis"));
        return new Mail(r.text("smtpHost"), r.port("smtpPort"), r.text("imapHost"), r.port("imapPort"),
                r.uri("greenmailApi"), r.strings("watch").stream().map(w -> w.trim().toLowerCase()).toList(),
                r.text("password"), r.nonNegative("pollMillis"));
    }

    private static Outcomes outcomes(Reader r) {
        r.allow(Set.of("script", "probabilities", "replies", "optOutWords"));
        Map<String, Script> script = new LinkedHashMap<>();
        JsonNode scriptNode = r.node.path("script");
        if (!scriptNode.isMissingNode() && !scriptNode.isNull() && !scriptNode.isObject()) {
            throw new IllegalArgumentException("outcomes.script must be an object");
        }
        scriptNode.properties().forEach(e -> script.put(ContactKey.of(e.getKey()),
                script(e.getValue(), "outcomes.script." + e.getKey())));
        Map<Outcome, Double> probabilities = new EnumMap<>(Outcome.class);
        double sum = 0;
        for (Map.Entry<String, JsonNode> e : r.object("probabilities").node.properties()) {
            Outcome outcome = Outcome.of(e.getKey());
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getValue().asDouble() > 1) {
                throw new IllegalArgumentException("outcomes.probabilities." + e.getKey() + " must be in [0, 1]");
            }
            probabilities.put(outcome, e.getValue().asDouble());
            sum += e.getValue().asDouble();
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("outcomes.probabilities add up to " + sum + ", more than 1");
        }
        Map<Outcome, String> replies = new EnumMap<>(Outcome.class);
        r.stringMap("replies").forEach((id, text) -> {
            Outcome outcome = Outcome.of(id);
            if (!outcome.replies()) {
                throw new IllegalArgumentException("outcomes.replies." + id + ": that outcome does not reply");
            }
            replies.put(outcome, text);
        });
        return new Outcomes(script, probabilities, replies, r.strings("optOutWords"));
    }

    private static Script script(JsonNode node, String path) {
        if (node.isTextual() || node.isArray()) {
            return new Script(Map.of(), sequence(node, path));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be an outcome, a list of outcomes, or an object per"
                    + " channel");
        }
        Map<Channel, List<Planned>> byChannel = new EnumMap<>(Channel.class);
        List<Planned> any = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("*")) {
                any = sequence(e.getValue(), path + ".*");
            } else {
                byChannel.put(Channel.of(e.getKey()), sequence(e.getValue(), path + "." + e.getKey()));
            }
        }
        return new Script(byChannel, any);
    }

    private static List<Planned> sequence(JsonNode node, String path) {
        List<Planned> planned = new ArrayList<>();
        try {
            if (node.isTextual()) {
                planned.add(Planned.parse(node.asText()));
            } else if (node.isArray() && !node.isEmpty()) {
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw new IllegalArgumentException("every entry must be an outcome name");
                    }
                    planned.add(Planned.parse(item.asText()));
                }
            } else {
                throw new IllegalArgumentException("must be an outcome name or a non-empty list of them");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
        return List.copyOf(planned);
    }

    private static Latency latency(Reader r) {
        r.allow(Set.of("statusMillis", "replyMillis", "jitterMillis"));
        return new Latency(r.nonNegative("statusMillis"), r.nonNegative("replyMillis"), r.nonNegative("jitterMillis"));
    }

    private static FaultSettings faults(Reader r) {
        r.allow(Set.of("serverErrorRate", "tooManyRequestsRate", "retryAfterSeconds", "metaThrottleStatus"));
        int metaStatus = (int) r.nonNegative("metaThrottleStatus");
        if (metaStatus != 400 && metaStatus != 429) {
            throw new IllegalArgumentException("faults.metaThrottleStatus must be 400 or 429");
        }
        return new FaultSettings(r.rate("serverErrorRate"), r.rate("tooManyRequestsRate"),
                (int) r.nonNegative("retryAfterSeconds"), metaStatus);
    }

    /** Strict reading of one JSON object, with the path for messages. */
    static final class Reader {

        final JsonNode node;
        final String path;

        Reader(JsonNode node, String path, Set<String> allowed) {
            this(node, path);
            allow(allowed);
        }

        Reader(JsonNode node, String path) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                node = MAPPER.createObjectNode();
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(path + " must be an object");
            }
            this.node = node;
            this.path = path;
        }

        void allow(Set<String> names) {
            node.fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException(path + ": unknown member '" + name + "' (known: "
                            + String.join(", ", names.stream().sorted().toList()) + ")");
                }
            });
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        Reader object(String name) {
            return new Reader(node.get(name), path + "." + name);
        }

        Map<String, Reader> objects(String name) {
            Map<String, Reader> readers = new LinkedHashMap<>();
            object(name).node.properties().forEach(e -> readers.put(e.getKey(),
                    new Reader(e.getValue(), path + "." + name + "." + e.getKey())));
            return readers;
        }

        String text(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new IllegalArgumentException(path + "." + name + " must be a string");
            }
            String text = value.asText().trim();
            return text.isEmpty() ? null : text;
        }

        String secret(String name) {
            return text(name);
        }

        String requiredSecret(String name) {
            String secret = text(name);
            if (secret == null) {
                throw new IllegalArgumentException(path + "." + name + " is required");
            }
            return secret;
        }

        URI uri(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + "." + name + " is not a URL: " + text);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(path + "." + name + " must be an http(s) URL, got " + text);
            }
            return uri;
        }

        boolean bool(String name, boolean otherwise) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return otherwise;
            }
            if (!value.isBoolean()) {
                throw new IllegalArgumentException(path + "." + name + " must be true or false");
            }
            return value.asBoolean();
        }

        long nonNegative(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return 0;
            }
            if (!value.canConvertToLong() || value.asLong() < 0 || !value.isIntegralNumber()) {
                throw new IllegalArgumentException(path + "." + name + " must be a whole number, zero or more");
            }
            return value.asLong();
        }

        int port(String name) {
            long port = nonNegative(name);
            if (port > 65_535) {
                throw new IllegalArgumentException(path + "." + name + " must be a port number");
            }
            return (int) port;
        }

        double rate(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return 0;
            }
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw new IllegalArgumentException(path + "." + name + " must be between 0 and 1");
            }
            return value.asDouble();
        }

        List<String> strings(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw new IllegalArgumentException(path + "." + name + " must be a list of strings");
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw new IllegalArgumentException(path + "." + name + " must be a list of non-blank strings");
                }
                items.add(item.asText());
            }
            return List.copyOf(items);
        }

        Map<String, String> stringMap(String name) {
            Map<String, String> map = new LinkedHashMap<>();
            object(name).node.properties().forEach(e -> {
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException(path + "." + name + "." + e.getKey() + " must be a string");
                }
                map.put(e.getKey(), e.getValue().asText());
            });
            return map;
        }
    }
}
