package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.dominusleads.simulatorkit.LoopbackSimulator;
import com.dominusleads.simulatorkit.SimulatorMain;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local stand-in for the messaging providers messaging-service calls, on their real HTTP contracts, so that outreach
 * works end to end on a laptop and in tests with no provider account (DESIGN §4, §5):
 * <ul>
 * <li><b>Meta WhatsApp Cloud API</b> under {@code /{api-version}/…} ({@link MetaCloudApi});</li>
 * <li><b>Twilio</b> SMS and WhatsApp under {@code /2010-04-01/…} ({@link TwilioApi});</li>
 * <li><b>Evolution API v2</b> under {@code /instance/…}, {@code /webhook/…}, {@code /message/…}, {@code /chat/…}
 * ({@link EvolutionApi});</li>
 * <li><b>e-mail</b> through GreenMail: mails to watched contacts are read by IMAP and answered by SMTP
 * ({@link MailboxResponder}).</li>
 * </ul>
 * Every accepted send gets an outcome ({@link Contacts}: by script or seeded probabilities) played back as the
 * provider's own signed webhooks after the configured latency; failures are injected on request ({@link Faults}).
 * Everything is configured and inspected over HTTP under {@code /_simulator} (no authentication) or through this
 * class; docs/provider-simulator.md describes both.
 * <p>
 * A {@link LoopbackSimulator}: the JDK's HttpServer on the loopback interface only, one virtual thread per exchange;
 * it keeps everything in memory.
 */
public final class ProviderSimulator extends LoopbackSimulator {

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Simulation sim;
    private final MetaCloudApi meta;
    private final TwilioApi twilio;
    private final EvolutionApi evolution;
    private final MailboxResponder mail;
    private final Map<String, Provider> providers;

    private ProviderSimulator(int port, SimulatorOptions options) {
        super("provider simulator", port, 256);
        this.sim = new Simulation(options, this::baseUri);
        this.meta = new MetaCloudApi(sim);
        this.twilio = new TwilioApi(sim);
        this.evolution = new EvolutionApi(sim);
        this.mail = new MailboxResponder(sim);
        this.providers = Map.of(MetaCloudApi.NAME, meta, TwilioApi.NAME, twilio, EvolutionApi.NAME, evolution,
                MailboxResponder.NAME, mail);
        listen(this::handle);
    }

    /** Starts a simulator on {@code port} of the loopback interface (0: any free port). */
    public static ProviderSimulator start(int port, SimulatorOptions options) {
        return new ProviderSimulator(port, options);
    }

    public SimulatorOptions options() {
        return sim.options;
    }

    /** The configuration now. */
    public SimulatorConfig config() {
        return sim.config();
    }

    /** Merges {@code patch} (JSON Merge Patch, RFC 7386) into the configuration; invalid: nothing changes. */
    public SimulatorConfig configure(JsonNode patch) {
        return sim.configure(patch);
    }

    /** As {@link #configure(JsonNode)}, from JSON text. */
    public SimulatorConfig configure(String patch) {
        return sim.configure(parse(patch));
    }

    /** Replaces the whole configuration by {@code config} over the defaults. */
    public SimulatorConfig replaceConfig(String config) {
        return sim.replace(parse(config));
    }

    /** Every send received. */
    public SendLog sends() {
        return sim.sends;
    }

    /** Every webhook posted (and mail handed to SMTP). */
    public Deliveries deliveries() {
        return sim.deliveries;
    }

    /** The simulated contacts: outcomes, opt-outs. */
    public Contacts contacts() {
        return sim.contacts;
    }

    /** Every provider API call answered. */
    public RequestLog requests() {
        return sim.requests;
    }

    /** Posts a contact's message now (see {@link Inbound}). */
    public Delivery inbound(Inbound inbound) {
        return provider(inbound.provider()).inbound(inbound);
    }

    /** Posts a status of the message {@code messageId} now, in its provider's words (e.g. Meta's {@code read}). */
    public Delivery status(String messageId, String status, Integer errorCode) {
        Send send = sim.sends.byMessageId(messageId);
        if (send == null) {
            throw new IllegalArgumentException("no send with message id " + messageId);
        }
        return provider(send.provider()).status(send, status, errorCode);
    }

    /** Sends delivery {@code id} again: a replay (same headers), or {@code resign}ed. */
    public Delivery resend(String id, boolean resign) {
        return sim.deliveries.resend(id, resign);
    }

    /** The Evolution instance's phone scans the QR code: it opens ({@code connection.update}). */
    public Delivery pair(String instance, String number) {
        return evolution.pair(instance, number);
    }

    /** The Evolution instance's phone unlinks it: it closes ({@code connection.update}). */
    public Delivery disconnect(String instance) {
        return evolution.disconnect(instance);
    }

    /** Reads the watched mailboxes now; the mails found, each a send with its outcome under way. */
    public List<Send> pollMail() {
        return mail.poll();
    }

    /** The next {@code serverErrors} provider calls answer 5xx, then the next {@code throttles} are refused. */
    public void failNext(int serverErrors, int throttles) {
        sim.faults.next(serverErrors, throttles);
    }

    /** Waits until every follow-up under way has run; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return sim.followUps.awaitIdle(timeout);
    }

    /** Forgets sends, calls, deliveries, contacts, follow-ups under way and pending faults; the configuration stays. */
    public void reset() {
        reset(false);
    }

    /** As {@link #reset()}; {@code restoreConfig}: the configuration goes back to the starting one too. */
    public void reset(boolean restoreConfig) {
        sim.reset(restoreConfig);
        meta.clear();
        twilio.clear();
        evolution.clear();
        mail.clear();
    }

    /** Closing cancels the follow-ups and stops reading mailboxes. */
    @Override
    protected void stopping() {
        mail.stop();
        sim.followUps.cancelAll();
    }

    private Provider provider(String name) {
        Provider provider = name == null ? null : providers.get(name.toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw new IllegalArgumentException("unknown provider '" + name + "' (meta, twilio, evolution, email)");
        }
        return provider;
    }

    private static JsonNode parse(String json) {
        try {
            return SimulatorConfig.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange exchange) {
        Answer answer;
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Call call = Call.of(method, exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(),
                    exchange.getRequestURI().getRawQuery(), body(exchange));
            if (call.path().equals("/health")) {
                answer = Answer.json(200, SimulatorConfig.MAPPER.createObjectNode().put("status", "ok")
                        .put("pendingFollowUps", sim.followUps.pending()));
            } else if (call.size() > 0 && call.segments()[0].equals("_simulator")) {
                answer = admin(call);
            } else {
                answer = api(call);
            }
        } catch (IOException e) {
            exchange.close();
            return;
        }
        if (answer.after() != null) {
            sim.followUps.hold();
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (IOException e) {
            // the caller went away; what follows the answer still happens, as with a real provider
        } finally {
            exchange.close();
        }
        if (answer.after() != null) {
            try {
                answer.after().run();
            } finally {
                sim.followUps.release();
            }
        }
    }

    private Answer api(Call call) {
        String provider = MetaCloudApi.handles(call) ? MetaCloudApi.NAME : TwilioApi.handles(call) ? TwilioApi.NAME
                : EvolutionApi.handles(call) ? EvolutionApi.NAME : null;
        Answer answer;
        try {
            answer = switch (provider == null ? "" : provider) {
                case MetaCloudApi.NAME -> meta.handle(call);
                case TwilioApi.NAME -> twilio.handle(call);
                case EvolutionApi.NAME -> evolution.handle(call);
                default -> adminError(404, "not_found", "No provider API at " + call.method() + " " + call.path()
                        + " (Meta: /v21.0/{phone-number-id}/messages, Twilio: /2010-04-01/Accounts/{sid}/Messages.json,"
                        + " Evolution: /message/sendText/{instance}, admin: /_simulator)");
            };
        } catch (ApiError error) {
            answer = error.answer;
        } catch (RuntimeException e) {
            answer = adminError(500, "simulator_failure", "The simulator failed: " + e);
        }
        if (provider != null) {
            sim.requests.add(new RequestLog.Entry(Instant.now(), provider, call.method(), call.path(),
                    answer.status()));
        }
        return answer;
    }

    // ---------------------------------------------------------------- admin

    private Answer admin(Call call) {
        try {
            return adminRoute(call);
        } catch (ApiError e) {
            return e.answer; // e.g. an Evolution instance that does not exist
        } catch (IllegalArgumentException | IllegalStateException e) {
            return adminError(400, "bad_request", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return adminError(503, "interrupted", "interrupted");
        } catch (RuntimeException e) {
            return adminError(500, "simulator_failure", "The simulator failed: " + e);
        }
    }

    private Answer adminRoute(Call call) throws InterruptedException {
        String m = call.method();
        String[] s = call.segments();
        String route = s.length > 1 ? s[1] : "";
        Map<String, String> q = call.params();
        switch (route) {
            case "config" -> {
                if (m.equals("GET")) {
                    return Answer.json(200, sim.config().json());
                }
                JsonNode body = requireJson(call);
                return Answer.json(200, (m.equals("PUT") ? sim.replace(body) : sim.configure(body)).json());
            }
            case "sends" -> {
                if (s.length == 3 && s[2].equals("peak")) {
                    return peak(q);
                }
                if (s.length == 3 && s[2].equals("count")) {
                    return Answer.json(200, SimulatorConfig.MAPPER.createObjectNode()
                            .put("count", sim.sends.count(sendFilter(q))));
                }
                ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                ArrayNode list = node.putArray("sends");
                sim.sends.matching(sendFilter(q)).forEach(send -> list.add(json(send)));
                return Answer.json(200, node);
            }
            case "deliveries" -> {
                if (s.length == 2) {
                    ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                    ArrayNode list = node.putArray("deliveries");
                    sim.deliveries.matching(d -> matches(q, "provider", d.provider()) && matches(q, "kind", d.kind())
                            && matches(q, "event", d.event()) && matches(q, "messageId", d.messageId())
                            && matches(q, "contact", d.contact()))
                            .forEach(d -> list.add(json(d)));
                    return Answer.json(200, node);
                }
                if (s.length == 3 && m.equals("GET")) {
                    Delivery d = sim.deliveries.get(s[2]);
                    return d == null ? adminError(404, "not_found", "no delivery " + s[2]) : Answer.json(200, json(d));
                }
                if (s.length == 4 && s[3].equals("resend") && m.equals("POST")) {
                    JsonNode body = call.json();
                    boolean resign = body != null && body.path("resign").asBoolean(false);
                    return Answer.json(200, json(resend(s[2], resign)));
                }
            }
            case "inbound" -> {
                JsonNode b = requireJson(call);
                Inbound inbound = new Inbound(text(b, "provider"), text(b, "from"), text(b, "to"), text(b, "text"),
                        b.hasNonNull("signature") ? Inbound.Signature.valueOf(b.get("signature").asText()
                                .toUpperCase(Locale.ROOT)) : null, b.path("jwtAgeSeconds").asLong(0));
                return Answer.json(200, json(inbound(inbound)));
            }
            case "status" -> {
                JsonNode b = requireJson(call);
                Delivery d = status(text(b, "messageId"), text(b, "status"),
                        b.hasNonNull("errorCode") ? b.get("errorCode").asInt() : null);
                return d == null ? Answer.json(200, SimulatorConfig.MAPPER.createObjectNode()
                        .put("delivered", false).put("reason", "the message has no StatusCallback"))
                        : Answer.json(200, json(d));
            }
            case "contacts" -> {
                ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                ArrayNode list = node.putArray("contacts");
                for (Contacts.View v : sim.contacts.all()) {
                    ObjectNode c = list.addObject();
                    c.put("contact", v.contact());
                    c.put("sends", v.sends());
                    c.put("lastOutcome", v.lastOutcome() == null ? null : v.lastOutcome().id());
                    c.put("optedOut", v.optedOutAt() != null);
                    c.put("optedOutAt", v.optedOutAt() == null ? null : v.optedOutAt().toString());
                    c.put("optedOutVia", v.optedOutVia());
                }
                return Answer.json(200, node);
            }
            case "requests" -> {
                ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                ArrayNode list = node.putArray("requests");
                for (RequestLog.Entry e : sim.requests.all()) {
                    list.addObject().put("at", e.at().toString()).put("provider", e.provider())
                            .put("method", e.method()).put("path", e.path()).put("status", e.status());
                }
                return Answer.json(200, node);
            }
            case "faults" -> {
                if (s.length == 3 && s[2].equals("next") && m.equals("POST")) {
                    JsonNode b = requireJson(call);
                    failNext(b.path("serverErrors").asInt(0), b.path("tooManyRequests").asInt(0));
                }
                return Answer.json(200, SimulatorConfig.MAPPER.createObjectNode()
                        .put("pendingServerErrors", sim.faults.pendingServerErrors())
                        .put("pendingTooManyRequests", sim.faults.pendingThrottles()));
            }
            case "evolution" -> {
                if (s.length == 4 && m.equals("POST") && (s[3].equals("pair") || s[3].equals("disconnect"))) {
                    JsonNode b = call.json();
                    Delivery d = s[3].equals("pair") ? pair(call.segment(2), b == null ? null : text(b, "number"))
                            : disconnect(call.segment(2));
                    ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                    node.put("instance", call.segment(2));
                    node.put("state", evolution.instance(call.segment(2)).state);
                    node.set("delivery", d == null ? null : json(d));
                    return Answer.json(200, node);
                }
            }
            case "meta" -> {
                if (s.length == 3 && s[2].equals("verify") && m.equals("POST")) {
                    JsonNode b = requireJson(call);
                    return Answer.json(200, meta.verify(text(b, "phoneNumberId"), text(b, "verifyToken")));
                }
            }
            case "email" -> {
                if (s.length == 3 && s[2].equals("poll") && m.equals("POST")) {
                    ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
                    ArrayNode list = node.putArray("found");
                    pollMail().forEach(send -> list.add(json(send)));
                    return Answer.json(200, node);
                }
            }
            case "await" -> {
                long timeout = Long.parseLong(q.getOrDefault("timeoutMillis", "10000"));
                boolean idle = awaitIdle(Duration.ofMillis(timeout));
                return Answer.json(idle ? 200 : 408, SimulatorConfig.MAPPER.createObjectNode().put("idle", idle)
                        .put("pendingFollowUps", sim.followUps.pending()));
            }
            case "reset" -> {
                if (m.equals("POST")) {
                    JsonNode b = call.json();
                    reset("true".equals(q.get("config")) || b != null && b.path("config").asBoolean(false));
                    return Answer.json(200, SimulatorConfig.MAPPER.createObjectNode().put("reset", true));
                }
            }
            default -> {
                // below
            }
        }
        return adminError(404, "not_found", "No admin endpoint " + m + " " + call.path()
                + " (see docs/provider-simulator.md)");
    }

    private Answer peak(Map<String, String> q) {
        long window = Long.parseLong(q.getOrDefault("windowMillis", "1000"));
        if (window <= 0) {
            throw new IllegalArgumentException("windowMillis must be positive");
        }
        String by = q.getOrDefault("by", "from");
        Function<Send, String> key = switch (by) {
            case "from" -> Send::from;
            case "to", "contact" -> Send::contact;
            case "account" -> Send::account;
            case "provider" -> Send::provider;
            default -> throw new IllegalArgumentException("by must be from, contact, account or provider");
        };
        Map<String, Integer> peaks = sim.sends.peak(Duration.ofMillis(window), key, sendFilter(q));
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("windowMillis", window);
        node.put("by", by);
        ObjectNode map = node.putObject("peaks");
        peaks.forEach(map::put);
        node.put("max", peaks.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        return Answer.json(200, node);
    }

    private static Predicate<Send> sendFilter(Map<String, String> q) {
        String contact = q.get("contact") != null ? ContactKey.of(q.get("contact"))
                : q.get("to") != null ? ContactKey.of(q.get("to")) : null;
        return send -> matches(q, "provider", send.provider())
                && matches(q, "channel", send.channel().id())
                && matches(q, "from", send.from())
                && matches(q, "account", send.account())
                && (contact == null || contact.equals(send.contact()))
                && (q.get("accepted") == null || Boolean.parseBoolean(q.get("accepted")) == send.accepted())
                && (q.get("afterOptOut") == null || Boolean.parseBoolean(q.get("afterOptOut")) == send.afterOptOut());
    }

    private static boolean matches(Map<String, String> q, String name, String value) {
        return q.get(name) == null || q.get(name).equals(value);
    }

    private static JsonNode requireJson(Call call) {
        JsonNode body = call.json();
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    static ObjectNode json(Send s) {
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("seq", s.seq());
        node.put("provider", s.provider());
        node.put("channel", s.channel().id());
        node.put("account", s.account());
        node.put("from", s.from());
        node.put("to", s.to());
        node.put("contact", s.contact());
        node.put("type", s.type());
        node.put("body", s.body());
        node.put("messageId", s.messageId());
        node.put("at", s.at().toString());
        node.put("atMillis", s.at().toEpochMilli());
        node.put("httpStatus", s.httpStatus());
        node.put("accepted", s.accepted());
        node.put("errorCode", s.errorCode());
        node.put("outcome", s.outcome() == null ? null : s.outcome().id());
        node.put("afterOptOut", s.afterOptOut());
        return node;
    }

    static ObjectNode json(Delivery d) {
        ObjectNode node = SimulatorConfig.MAPPER.createObjectNode();
        node.put("id", d.id());
        node.put("provider", d.provider());
        node.put("kind", d.kind());
        node.put("event", d.event());
        node.put("messageId", d.messageId());
        node.put("contact", d.contact());
        node.put("url", d.url());
        ObjectNode headers = node.putObject("headers");
        d.headers().forEach(headers::put);
        node.put("body", d.body());
        node.put("at", d.at().toString());
        node.put("status", d.status());
        node.put("delivered", d.delivered());
        node.put("error", d.error());
        node.put("millis", d.millis());
        node.put("resendOf", d.resendOf());
        return node;
    }

    private static Answer adminError(int status, String code, String message) {
        ObjectNode body = SimulatorConfig.MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return Answer.json(status, body);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    // ---------------------------------------------------------------- command line

    /**
     * Runs a simulator until the process is stopped: {@code [--port P] [--seed N] [--config file.json]
     * [--smtp host:port] [--imap host:port] [--greenmail-api URL] [--webhook-timeout-ms N]}. Prints one line with the
     * address once it listens.
     */
    public static void main(String[] args) {
        CommandLine line = SimulatorMain.arguments("provider simulator", args, CommandLine::parse, usage());
        if (line == null) {
            return;
        }
        ProviderSimulator simulator = start(line.port(), line.options());
        SimulatorConfig.Mail mail = simulator.config().email();
        SimulatorMain.listening("provider simulator", simulator, simulator.baseUri() + " (Meta at /v21.0, Twilio at"
                + " /2010-04-01, Evolution at /message /instance /webhook, admin at /_simulator; e-mail "
                + (mail.enabled() ? "via SMTP " + mail.smtpHost() + ":" + mail.smtpPort() + " and IMAP "
                + mail.imapHost() + ":" + mail.imapPort() : "off") + ")");
    }

    /** The command line of {@link #main}: a port and the options. */
    record CommandLine(int port, SimulatorOptions options) {

        /** The parsed arguments; null when help was asked for. */
        static CommandLine parse(String[] args) {
            int port = 0;
            SimulatorOptions options = SimulatorOptions.defaults();
            try {
                for (int i = 0; i < args.length; i++) {
                    String arg = args[i];
                    switch (arg) {
                        case "--port" -> port = Integer.parseInt(args[++i]);
                        case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
                        case "--config" -> {
                            Path file = Path.of(args[++i]);
                            try {
                                options = options.withConfig(Files.readString(file));
                            } catch (IOException e) {
                                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
                            }
                        }
                        case "--smtp", "--imap" -> {
                            String[] hostPort = args[++i].split(":");
                            if (hostPort.length != 2) {
                                throw new IllegalArgumentException(arg + " takes host:port");
                            }
                            String prefix = arg.substring(2);
                            ObjectNode patch = SimulatorConfig.MAPPER.createObjectNode();
                            patch.putObject("email").put(prefix + "Host", hostPort[0])
                                    .put(prefix + "Port", Integer.parseInt(hostPort[1]));
                            options = options.withConfig(patch);
                        }
                        case "--greenmail-api" -> {
                            ObjectNode patch = SimulatorConfig.MAPPER.createObjectNode();
                            patch.putObject("email").put("greenmailApi", args[++i]);
                            options = options.withConfig(patch);
                        }
                        case "--webhook-timeout-ms" -> options = options.withWebhookTimeout(
                                Duration.ofMillis(Long.parseLong(args[++i])));
                        case "--help", "-h" -> {
                            return null;
                        }
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            return new CommandLine(port, options);
        }
    }

    private static String usage() {
        return "usage: provider-simulator [--port P] [--seed N] [--config file.json] [--smtp host:port]"
                + " [--imap host:port] [--greenmail-api http://127.0.0.1:8080] [--webhook-timeout-ms 10000]";
    }
}
