package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Evolution API v2 with its Baileys (WhatsApp Web) integration: header {@code apikey} (the global key, or an
 * instance's own token for that instance); instances ({@code POST /instance/create}, {@code GET
 * /instance/fetchInstances}, {@code GET /instance/connect/{i}} with a QR code while not paired, {@code GET
 * /instance/connectionState/{i}}, {@code DELETE /instance/logout/{i}}, {@code DELETE /instance/delete/{i}}); the
 * instance's webhook ({@code POST /webhook/set/{i}}, {@code GET /webhook/find/{i}}); {@code POST
 * /message/sendText/{i}}; and {@code POST /chat/findMessages/{i}} over the instance's sends. Webhooks ({@code messages.upsert}, {@code messages.update}, {@code send.message},
 * {@code connection.update}, {@code qrcode.updated}) go to the instance's URL with its configured headers, a
 * {@code jwt_key} header becoming {@code Authorization: Bearer <HS256 JWT>} as Evolution 2.3.7+ does. Evolution signs
 * nothing else: receivers authenticate with those headers.
 */
final class EvolutionApi implements Provider {

    static final String NAME = "evolution";

    /** One instance as Evolution keeps it. */
    static final class Instance {
        final String name;
        final String id = UUID.randomUUID().toString();
        final Instant createdAt = Instant.now();
        volatile String token;
        volatile String number;
        volatile String state;
        volatile SimulatorConfig.EvolutionWebhook webhook;
        volatile int qrCount;

        Instance(String name, String token) {
            this.name = name;
            this.token = token;
        }

        String jid() {
            return number == null ? null : number + "@s.whatsapp.net";
        }
    }

    private final Simulation sim;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private Map<String, SimulatorConfig.EvolutionInstance> applied = Map.of();

    EvolutionApi(Simulation sim) {
        this.sim = sim;
        apply(sim.config());
        sim.onConfig(this::apply);
    }

    @Override
    public String name() {
        return NAME;
    }

    static boolean handles(Call call) {
        return call.size() > 0 && List.of("instance", "message", "webhook", "chat").contains(call.segments()[0]);
    }

    /**
     * Creates or updates the configured instances whose configuration changed (others, and what pairing or the API
     * changed since, are left as they are).
     */
    private synchronized void apply(SimulatorConfig config) {
        Map<String, SimulatorConfig.EvolutionInstance> previous = applied;
        applied = config.evolution().instances();
        config.evolution().instances().forEach((name, c) -> {
            if (c.equals(previous.get(name)) && instances.containsKey(name)) {
                return;
            }
            Instance instance = instances.computeIfAbsent(name, n -> new Instance(n, token()));
            if (c.token() != null) {
                instance.token = c.token();
            }
            instance.number = c.number();
            instance.state = c.state();
            if (c.webhook() != null) {
                instance.webhook = c.webhook();
            }
        });
    }

    /** Back to the configured instances only, as configured. */
    synchronized void clear() {
        instances.clear();
        applied = Map.of();
        apply(sim.config());
    }

    Instance instance(String name) {
        Instance instance = instances.get(name);
        if (instance == null) {
            throw notFound(name);
        }
        return instance;
    }

    Answer handle(Call call) {
        Faults.Decision fault = sim.faults.decide(sim.config().faults());
        if (fault.serverError() > 0) {
            return error(fault.serverError(), fault.serverError() == 500 ? "Internal Server Error"
                    : fault.serverError() == 502 ? "Bad Gateway" : "Service Unavailable", "Try again later").answer;
        }
        String route = call.method() + " " + call.segments()[0] + (call.size() > 1 ? "/" + call.segment(1) : "");
        String target = call.size() > 2 ? call.segment(2) : null;
        authenticate(call, target);
        if (fault.throttled()) {
            return error(429, "Too Many Requests", "Too many requests, please try again later.").answer
                    .withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return switch (route) {
            case "POST instance/create" -> create(call.json());
            case "GET instance/fetchInstances" -> fetchInstances(call);
            case "GET instance/connect" -> connect(instance(required(target)), call.params().get("number"));
            case "GET instance/connectionState" -> Answer.json(200, state(instance(required(target))));
            case "DELETE instance/logout" -> logout(instance(required(target)));
            case "DELETE instance/delete" -> delete(instance(required(target)));
            case "POST webhook/set" -> setWebhook(instance(required(target)), call.json());
            case "GET webhook/find" -> Answer.json(200, webhookJson(instance(required(target))));
            case "POST message/sendText" -> sendText(instance(required(target)), call.json());
            case "POST chat/findMessages" -> findMessages(instance(required(target)), call.json());
            default -> throw error(404, "Not Found", "Cannot " + call.method() + " " + call.path());
        };
    }

    private static String required(String target) {
        if (target == null) {
            throw error(404, "Not Found", "the instance name is missing from the path");
        }
        return target;
    }

    private void authenticate(Call call, String target) {
        String key = call.header("apikey");
        if (key != null && key.equals(sim.config().evolution().apiKey())) {
            return;
        }
        if (key == null) {
            throw error(401, "Unauthorized", "Unauthorized", false);
        }
        if (target != null ? instances.containsKey(target) && key.equals(instances.get(target).token)
                : call.path().equals("/instance/fetchInstances")
                && instances.values().stream().anyMatch(i -> key.equals(i.token))) {
            return;
        }
        throw error(401, "Unauthorized", "Unauthorized", false);
    }

    private Answer create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw error(400, "Bad Request", "the body must be a JSON object");
        }
        String name = body.path("instanceName").asText("").trim();
        if (name.isEmpty()) {
            throw error(400, "Bad Request", "instance requires property \"instanceName\"");
        }
        Instance instance = new Instance(name, body.hasNonNull("token") ? body.get("token").asText() : token());
        if (instances.putIfAbsent(name, instance) != null) {
            throw error(403, "Forbidden", "This name \"" + name + "\" is already in use.");
        }
        instance.number = body.hasNonNull("number") ? body.get("number").asText().replaceAll("[^0-9]", "") : null;
        instance.state = "close";
        if (body.has("webhook") && body.get("webhook").isObject()) {
            instance.webhook = SimulatorConfig.EvolutionWebhook.parse(body.get("webhook"), "webhook");
        }
        ObjectNode answer = SimulatorConfig.MAPPER.createObjectNode();
        ObjectNode i = answer.putObject("instance");
        i.put("instanceName", name);
        i.put("instanceId", instance.id);
        i.put("integration", body.path("integration").asText("WHATSAPP-BAILEYS"));
        i.putNull("webhookWaBusiness");
        i.put("accessTokenWaBusiness", "");
        i.put("status", "connecting");
        answer.put("hash", instance.token);
        answer.set("webhook", instance.webhook == null ? SimulatorConfig.MAPPER.createObjectNode()
                : instance.webhook.json());
        answer.putObject("settings").put("rejectCall", false).put("groupsIgnore", true).put("alwaysOnline", false)
                .put("readMessages", false).put("readStatus", false).put("syncFullHistory", false);
        if (body.path("qrcode").asBoolean(false)) {
            answer.set("qrcode", qr(instance, instance.number));
        }
        return Answer.json(201, answer);
    }

    private Answer fetchInstances(Call call) {
        String key = call.header("apikey");
        boolean global = key != null && key.equals(sim.config().evolution().apiKey());
        String only = call.params().get("instanceName");
        ArrayNode list = SimulatorConfig.MAPPER.createArrayNode();
        instances.values().stream().sorted((a, b) -> a.name.compareTo(b.name))
                .filter(i -> global || i.token.equals(key))
                .filter(i -> only == null || only.equals(i.name))
                .forEach(i -> {
                    ObjectNode node = list.addObject();
                    node.put("id", i.id);
                    node.put("name", i.name);
                    node.put("connectionStatus", i.state.equals("open") ? "open" : i.state);
                    node.put("ownerJid", i.jid());
                    node.put("profileName", i.number == null ? null : "Simulated " + i.name);
                    node.putNull("profilePicUrl");
                    node.put("integration", "WHATSAPP-BAILEYS");
                    node.put("number", i.number);
                    node.put("token", i.token);
                    node.put("createdAt", i.createdAt.toString());
                });
        return Answer.json(200, list);
    }

    private Answer connect(Instance instance, String number) {
        if ("open".equals(instance.state)) {
            return Answer.json(200, state(instance));
        }
        instance.state = "connecting";
        ObjectNode qr = qr(instance, number);
        if (number != null) {
            instance.number = number.replaceAll("[^0-9]", "");
        }
        return Answer.json(200, qr);
    }

    private ObjectNode qr(Instance instance, String number) {
        PairingCode code = PairingCode.fresh(number != null && !number.isBlank());
        int count = ++instance.qrCount;
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("pairingCode", code.pairingCode());
        node.put("code", code.code());
        node.put("base64", code.base64());
        node.put("count", count);
        ObjectNode event = SimulatorConfig.MAPPER.createObjectNode();
        event.putObject("qrcode").put("instance", instance.name).put("pairingCode", code.pairingCode())
                .put("code", code.code()).put("base64", code.base64());
        emitLater(instance, "qrcode.updated", "connection", null, null, event);
        return node;
    }

    private static ObjectNode state(Instance instance) {
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.putObject("instance").put("instanceName", instance.name).put("state", instance.state);
        return node;
    }

    /** The simulated phone scans the QR code: the instance opens and says so ({@code connection.update}). */
    Delivery pair(String name, String number) {
        Instance instance = instance(name);
        if (number != null) {
            instance.number = number.replaceAll("[^0-9]", "");
        }
        if (instance.number == null) {
            instance.number = "55119" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        }
        instance.state = "open";
        return connectionUpdate(instance, 200);
    }

    /** The phone unlinks the device: the instance closes ({@code connection.update}, reason 401). */
    Delivery disconnect(String name) {
        Instance instance = instance(name);
        instance.state = "close";
        return connectionUpdate(instance, 401);
    }

    private Delivery connectionUpdate(Instance instance, int reason) {
        ObjectNode data = SimulatorConfig.MAPPER.createObjectNode();
        data.put("instance", instance.name);
        data.put("state", instance.state);
        data.put("statusReason", reason);
        if (instance.state.equals("open")) {
            data.put("wuid", instance.jid());
            data.put("profileName", "Simulated " + instance.name);
            data.putNull("profilePictureUrl");
        }
        return emit(instance, "connection.update", "connection", null, null, data, Inbound.Signature.VALID, 0);
    }

    private Answer logout(Instance instance) {
        instance.state = "close";
        emitLater(instance, "connection.update", "connection", null, null,
                SimulatorConfig.MAPPER.createObjectNode().put("instance", instance.name).put("state", "close")
                        .put("statusReason", 401));
        return success("Instance logged out");
    }

    private Answer delete(Instance instance) {
        instances.remove(instance.name);
        return success("Instance deleted");
    }

    private static Answer success(String message) {
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("status", "SUCCESS");
        node.put("error", false);
        node.putObject("response").put("message", message);
        return Answer.json(200, node);
    }

    private Answer setWebhook(Instance instance, JsonNode body) {
        JsonNode webhook = body == null ? null : body.has("webhook") ? body.get("webhook") : body;
        if (webhook == null || !webhook.isObject()) {
            throw error(400, "Bad Request", "instance requires property \"webhook\"");
        }
        try {
            instance.webhook = SimulatorConfig.EvolutionWebhook.parse(webhook, "webhook");
        } catch (IllegalArgumentException e) {
            throw error(400, "Bad Request", e.getMessage());
        }
        if (instance.webhook.enabled() && instance.webhook.url() == null) {
            throw error(400, "Bad Request", "Invalid \"url\" property");
        }
        return Answer.json(201, webhookJson(instance));
    }

    private static JsonNode webhookJson(Instance instance) {
        SimulatorConfig.EvolutionWebhook w = instance.webhook;
        if (w == null) {
            return SimulatorConfig.MAPPER.nullNode();
        }
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("id", UUID.nameUUIDFromBytes(instance.id.getBytes()).toString());
        node.put("url", w.url() == null ? null : w.url().toString());
        ObjectNode headers = node.putObject("headers");
        w.headers().forEach(headers::put);
        node.put("enabled", w.enabled());
        w.events().forEach(node.putArray("events")::add);
        node.put("webhookByEvents", w.byEvents());
        node.put("webhookBase64", w.base64());
        node.put("instanceId", instance.id);
        return node;
    }

    private Answer sendText(Instance instance, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw error(400, "Bad Request", "the body must be a JSON object");
        }
        if (!body.hasNonNull("number")) {
            throw error(400, "Bad Request", "instance requires property \"number\"");
        }
        if (!body.hasNonNull("text")) {
            throw error(400, "Bad Request", "instance requires property \"text\"");
        }
        if (!"open".equals(instance.state)) {
            throw error(400, "Bad Request", "Error: Connection Closed");
        }
        String number = body.get("number").asText();
        String text = body.get("text").asText();
        String contact = ContactKey.of(number);
        String from = instance.number == null ? instance.name : "+" + instance.number;
        String jid = contact.startsWith("+") ? contact.substring(1) + "@s.whatsapp.net" : number;
        boolean exists = ContactKey.isE164(contact);
        Contacts.Plan plan = exists ? sim.contacts.plan(Channel.WHATSAPP, contact, sim.config()) : null;
        if (!exists || plan.outcome() == Outcome.INVALID_NUMBER || plan.outcome() == Outcome.LANDLINE) {
            sim.record(new SendLog.SendDraft(NAME, Channel.WHATSAPP, instance.name, from, number, contact, "text",
                    text, null, Instant.now(), 400, "exists:false", plan == null ? null : plan.outcome(),
                    plan != null && plan.afterOptOut()));
            ObjectNode missing = SimulatorConfig.MAPPER.createObjectNode();
            missing.put("jid", jid);
            missing.put("exists", false);
            missing.put("number", number);
            throw error(400, "Bad Request", missing);
        }
        String id = "BAE5" + String.format("%012X", ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
        long timestamp = Instant.now().getEpochSecond();
        ObjectNode answer = SimulatorConfig.MAPPER.createObjectNode();
        answer.putObject("key").put("remoteJid", jid).put("fromMe", true).put("id", id);
        answer.put("pushName", "");
        answer.put("status", "PENDING");
        answer.putObject("message").putObject("extendedTextMessage").put("text", text);
        answer.putNull("contextInfo");
        answer.put("messageType", "extendedTextMessage");
        answer.put("messageTimestamp", timestamp);
        answer.put("instanceId", instance.id);
        answer.put("source", "unknown");
        Send send = sim.record(new SendLog.SendDraft(NAME, Channel.WHATSAPP, instance.name, from, number, contact,
                "text", text, id, Instant.now(), 201, null, plan.outcome(), plan.afterOptOut()));
        ObjectNode echo = answer.deepCopy();
        return Answer.json(201, answer).then(() -> {
            emit(instance, "send.message", "sent", id, contact, echo, Inbound.Signature.VALID, 0);
            sim.play(send, plan, this);
        });
    }

    /**
     * Evolution's message search as its chat service answers it: filters {@code where.key.id}, {@code
     * where.key.remoteJid}, {@code where.key.fromMe} (only {@code true} filters, as in Evolution) and {@code
     * where.messageTimestamp} ({@code gte} and {@code lte} ISO dates, both or neither), newest first, {@code offset}
     * records a page (default 50), {@code page} from 1. Only the instance's accepted sends are kept: a contact's
     * messages are not listed.
     */
    private Answer findMessages(Instance instance, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw error(400, "Bad Request", "the body must be a JSON object");
        }
        JsonNode where = body.path("where");
        String id = where.path("key").path("id").asText(null);
        String remoteJid = where.path("key").path("remoteJid").asText(null);
        Instant from;
        Instant to;
        try {
            JsonNode range = where.path("messageTimestamp");
            boolean both = range.hasNonNull("gte") && range.hasNonNull("lte");
            from = both ? Instant.parse(range.get("gte").asText()) : Instant.MIN;
            to = both ? Instant.parse(range.get("lte").asText()) : Instant.MAX;
        } catch (DateTimeParseException e) {
            throw error(400, "Bad Request", "messageTimestamp: " + e.getMessage());
        }
        int pageSize = body.path("offset").asInt(0) > 0 ? body.get("offset").asInt() : 50;
        int page = Math.max(1, body.path("page").asInt(1));
        // Evolution keeps timestamps in seconds, and compares the range's in seconds too.
        List<Send> matching = sim.sends.matching(s -> s.provider().equals(NAME) && s.accepted()
                        && s.account().equals(instance.name)
                        && (id == null || id.equals(s.messageId()))
                        && (remoteJid == null || remoteJid.equals(jid(s)))
                        && s.at().getEpochSecond() >= from.getEpochSecond()
                        && s.at().getEpochSecond() <= to.getEpochSecond())
                .reversed();
        ObjectNode answer = SimulatorConfig.MAPPER.createObjectNode();
        ObjectNode messages = answer.putObject("messages");
        messages.put("total", matching.size());
        messages.put("pages", (matching.size() + pageSize - 1) / pageSize);
        messages.put("currentPage", page);
        ArrayNode records = messages.putArray("records");
        matching.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(s -> {
            ObjectNode record = records.addObject();
            record.put("id", UUID.nameUUIDFromBytes(s.messageId().getBytes()).toString());
            record.putObject("key").put("id", s.messageId()).put("fromMe", true).put("remoteJid", jid(s));
            record.put("pushName", "");
            record.put("messageType", "extendedTextMessage");
            record.putObject("message").putObject("extendedTextMessage").put("text", s.body());
            record.put("messageTimestamp", s.at().getEpochSecond());
            record.put("instanceId", instance.id);
            record.put("source", "unknown");
            record.putArray("MessageUpdate");
        });
        return Answer.json(200, answer);
    }

    private static String jid(Send send) {
        return send.contact().substring(1) + "@s.whatsapp.net";
    }

    // ---------------------------------------------------------------- webhooks

    @Override
    public void play(Send send, Step step, Integer errorCode, String reply) {
        switch (step) {
            case SENT -> status(send, "SERVER_ACK", null);
            case DELIVERED -> status(send, "DELIVERY_ACK", null);
            case READ -> status(send, "READ", null);
            case FAILED -> status(send, "ERROR", errorCode);
            case REPLY -> message(instance(send.account()), send.contact(), reply, Inbound.Signature.VALID, 0);
        }
    }

    @Override
    public Delivery status(Send send, String status, Integer errorCode) {
        Instance instance = instance(send.account());
        ObjectNode data = SimulatorConfig.MAPPER.createObjectNode();
        data.put("messageId", UUID.nameUUIDFromBytes(send.messageId().getBytes()).toString().replace("-", ""));
        data.put("keyId", send.messageId());
        data.put("remoteJid", send.contact().substring(1) + "@s.whatsapp.net");
        data.put("fromMe", true);
        data.putNull("participant");
        data.put("status", status);
        data.put("instanceId", instance.id);
        return emit(instance, "messages.update", "status", send.messageId(), send.contact(), data,
                Inbound.Signature.VALID, 0);
    }

    @Override
    public Delivery inbound(Inbound inbound) {
        String contact = ContactKey.of(inbound.from());
        String name = inbound.to();
        if (name == null) {
            Send last = sim.sends.lastTo(NAME, contact);
            if (last == null) {
                throw new IllegalArgumentException("nothing was sent to " + contact + " through Evolution: give 'to'"
                        + " (the instance)");
            }
            name = last.account();
        }
        return message(instance(name), contact, inbound.text(), inbound.signature(), inbound.jwtAgeSeconds());
    }

    private Delivery message(Instance instance, String contact, String text, Inbound.Signature signature,
                             long jwtAgeSeconds) {
        String digits = contact.substring(1);
        String id = "3EB0" + String.format("%016X", ThreadLocalRandom.current().nextLong());
        ObjectNode data = SimulatorConfig.MAPPER.createObjectNode();
        data.putObject("key").put("remoteJid", digits + "@s.whatsapp.net").put("fromMe", false).put("id", id);
        data.put("pushName", "Contato " + digits.substring(Math.max(0, digits.length() - 4)));
        data.put("status", "DELIVERY_ACK");
        data.putObject("message").put("conversation", text);
        data.put("messageType", "conversation");
        data.put("messageTimestamp", Instant.now().getEpochSecond());
        data.put("instanceId", instance.id);
        data.put("source", "android");
        sim.heard(contact, text, NAME);
        return emit(instance, "messages.upsert", "inbound", id, contact, data, signature, jwtAgeSeconds);
    }

    /** Emits after the current answer is sent (events raised by an API call). */
    private void emitLater(Instance instance, String event, String kind, String messageId, String contact,
                           ObjectNode data) {
        sim.followUps.play(NAME + "-" + event, List.of(new FollowUps.Step(0, () ->
                emit(instance, event, kind, messageId, contact, data, Inbound.Signature.VALID, 0))));
    }

    private Delivery emit(Instance instance, String event, String kind, String messageId, String contact,
                          ObjectNode data, Inbound.Signature signature, long jwtAgeSeconds) {
        SimulatorConfig.EvolutionWebhook webhook = instance.webhook;
        if (webhook != null && webhook.enabled() && webhook.url() != null && !webhook.sends(event)) {
            return null; // not subscribed: Evolution sends nothing
        }
        URI url = webhook == null || !webhook.enabled() ? null : webhook.url();
        if (url != null && webhook.byEvents()) {
            url = URI.create(url.toString().replaceAll("/$", "") + "/" + event.replace('.', '-'));
        }
        ObjectNode root = SimulatorConfig.MAPPER.createObjectNode();
        root.put("event", event);
        root.put("instance", instance.name);
        root.set("data", data);
        root.put("destination", url == null ? null : url.toString());
        root.put("date_time", Instant.now().toString());
        root.put("sender", instance.jid());
        URI server = sim.config().evolution().serverUrl();
        root.put("server_url", (server == null ? sim.baseUri() : server).toString());
        root.put("apikey", instance.token);
        Map<String, String> configured = webhook == null ? Map.of() : webhook.headers();
        Deliveries.Signer signer = signature == Inbound.Signature.NONE ? null : (u, body) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            String prefix = signature == Inbound.Signature.FORGED ? "forged-" : "";
            configured.forEach((name, value) -> {
                if (name.equalsIgnoreCase("jwt_key")) {
                    headers.put("Authorization", "Bearer " + EvolutionJwt.sign(prefix + value,
                            Instant.now().minusSeconds(jwtAgeSeconds)));
                } else {
                    headers.put(name, prefix + value);
                }
            });
            return headers;
        };
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("Content-Type", "application/json");
        fixed.put("User-Agent", "axios/1.7.9");
        return sim.deliveries.deliver(new Deliveries.Outbound(NAME, kind, event, messageId, contact, url, fixed,
                Answer.bytes(root), signer, sim.deliveries.http(),
                "no enabled webhook on Evolution instance " + instance.name));
    }

    // ---------------------------------------------------------------- errors

    private static String token() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    private static ApiError notFound(String name) {
        return error(404, "Not Found", "The \"" + name + "\" instance does not exist");
    }

    static ApiError error(int status, String error, String message) {
        return error(status, error, message, true);
    }

    /** Evolution's error shape: {@code {status, error, response:{message:[…]}}} (401's message is a string). */
    private static ApiError error(int status, String error, String message, boolean asList) {
        ObjectNode body = SimulatorConfig.MAPPER.createObjectNode();
        body.put("status", status);
        body.put("error", error);
        ObjectNode response = body.putObject("response");
        if (asList) {
            response.putArray("message").add(message);
        } else {
            response.put("message", message);
        }
        return new ApiError(Answer.json(status, body));
    }

    private static ApiError error(int status, String error, ObjectNode item) {
        ObjectNode body = SimulatorConfig.MAPPER.createObjectNode();
        body.put("status", status);
        body.put("error", error);
        body.putObject("response").putArray("message").add(item);
        return new ApiError(Answer.json(status, body));
    }

    List<String> names() {
        return new ArrayList<>(instances.keySet());
    }
}
