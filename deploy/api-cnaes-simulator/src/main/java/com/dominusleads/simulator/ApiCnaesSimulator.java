package com.dominusleads.simulator;

import com.dominusleads.events.Cnpj;
import com.dominusleads.simulatorkit.LoopbackSimulator;
import com.dominusleads.simulatorkit.SimulatorMain;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the remote api-cnaes HTTP API (DESIGN §6): the contract's endpoints with the same JSON shapes
 * as the local directory's copy of it, deterministic synthetic companies derived from a seed, and faults switchable at
 * runtime ({@link #faults()}) to test how callers cope. Every API call is counted ({@link #calls()}).
 * <p>
 * Endpoints, under {@code /v1} (or {@code /api/v1} in that variant): {@code GET /companies/{cnpj}},
 * {@code GET /companies?cnae_principal=&uf=&page=&limit=}, {@code POST /companies/search}, {@code GET /health} (also at
 * the root). Callers authenticate with {@code X-API-KEY} (or {@code Authorization: Bearer} in that variant); health
 * needs no key. Admin endpoints, neither counted nor authenticated: {@code GET|POST /_simulator/faults},
 * {@code GET /_simulator/calls}, {@code POST /_simulator/reset}.
 * <p>
 * A {@link LoopbackSimulator}: the JDK's HttpServer on the loopback interface only, one virtual thread per exchange,
 * so hanging calls cost nothing and never starve the others.
 */
public final class ApiCnaesSimulator extends LoopbackSimulator {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String MALFORMED_HTML = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>"
            + "502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";

    private final SimulatorOptions options;
    private final List<byte[]> keys;
    private final SyntheticDirectory directory;
    private final Faults faults;
    private final CallLog calls = new CallLog();
    private final CountDownLatch closing = new CountDownLatch(1);

    private ApiCnaesSimulator(int port, SimulatorOptions options) {
        super("api-cnaes simulator", port, 128);
        this.options = options;
        this.keys = options.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.directory = new SyntheticDirectory(options.seed(), options.unknownCnpjShare());
        this.faults = new Faults(options.seed());
        listen(this::handle);
    }

    /** Starts a simulator on {@code port} of the loopback interface (0: any free port). */
    public static ApiCnaesSimulator start(int port, SimulatorOptions options) {
        return new ApiCnaesSimulator(port, options);
    }

    /** Where the contract lives: {@code baseUri()} + {@code /v1} (or {@code /api/v1}). */
    public URI apiUri() {
        return URI.create(baseUri() + options.basePath());
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The faults injected into API calls, switchable at runtime. */
    public Faults faults() {
        return faults;
    }

    /** Counts of the API calls received. */
    public CallLog calls() {
        return calls;
    }

    /** Closing ends the hanging calls, and drops every open connection. */
    @Override
    protected void stopping() {
        closing.countDown();
    }

    // ---------------------------------------------------------------- dispatch

    private record Answer(int status, byte[] body, Map<String, String> headers) {

        Answer(int status, byte[] body) {
            this(status, body, Map.of());
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/_simulator") || path.startsWith("/_simulator/")) {
                send(exchange, admin(exchange, path));
                return;
            }
            api(exchange, path);
        } catch (IOException e) {
            // the caller went away: nothing to answer
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        String base = options.basePath();
        CallLog.Kind kind;
        if (path.equals("/health") || path.equals(base + "/health")) {
            kind = CallLog.Kind.HEALTH;
        } else if (path.equals(base + "/companies")) {
            kind = CallLog.Kind.LIST;
        } else if (path.equals(base + "/companies/search")) {
            kind = CallLog.Kind.SEARCH;
        } else if (path.startsWith(base + "/companies/") && path.indexOf('/', base.length() + 11) < 0) {
            kind = CallLog.Kind.COMPANY;
        } else {
            kind = CallLog.Kind.OTHER;
        }
        Faults.Decision fate = faults.decide(calls.arrived(kind));

        if (fate.delayMillis() > 0) {
            calls.faulted(CallLog.Fault.LATENCY);
            if (pause(fate.delayMillis())) {
                return; // closing: the connection is dropped
            }
        }
        if (fate.connectionReset()) {
            // Closing the exchange before any response header makes the JDK server close the TCP connection: the
            // caller reads end-of-stream where the status line should be, exactly what a dropped connection shows.
            calls.faulted(CallLog.Fault.CONNECTION_RESET);
            exchange.close();
            return;
        }
        if (fate.hang()) {
            calls.faulted(CallLog.Fault.HANG);
            if (pause(fate.hangMillis())) {
                return;
            }
        }
        Answer answer;
        if (fate.tooManyRequests()) {
            calls.faulted(CallLog.Fault.TOO_MANY_REQUESTS);
            answer = new Answer(429, error("too_many_requests", "Rate limit exceeded; retry after "
                    + fate.retryAfterSeconds() + " s", Map.of("retry_after_seconds", fate.retryAfterSeconds())),
                    Map.of("Retry-After", String.valueOf(fate.retryAfterSeconds())));
        } else if (fate.serverError() != 0) {
            calls.faulted(CallLog.Fault.SERVER_ERROR);
            int status = fate.serverError();
            answer = new Answer(status, error(switch (status) {
                case 502 -> "bad_gateway";
                case 503 -> "service_unavailable";
                default -> "internal_error";
            }, "Simulated server error " + status, Map.of()), status == 503
                    ? Map.of("Retry-After", String.valueOf(fate.retryAfterSeconds())) : Map.of());
        } else {
            answer = route(exchange, kind, path, fate.missingMeta());
            if (answer.status() == 200 && fate.malformed()) {
                calls.faulted(CallLog.Fault.MALFORMED_JSON);
                byte[] body = fate.malformedAsHtml() ? MALFORMED_HTML.getBytes(StandardCharsets.UTF_8)
                        : Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2));
                answer = new Answer(200, body, answer.headers());
            }
        }
        calls.answered(answer.status());
        send(exchange, answer);
    }

    /** Waits {@code millis}, or less when the simulator closes; true when it is closing. */
    private boolean pause(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Answer route(HttpExchange exchange, CallLog.Kind kind, String path, boolean missingMeta) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        try {
            switch (kind) {
                case HEALTH -> {
                    allow(method, "GET");
                    return json(200, NODES.objectNode().put("status", "ok"));
                }
                case COMPANY -> {
                    allow(method, "GET");
                    authenticate(exchange);
                    String text = URLDecoder.decode(path.substring(options.basePath().length() + 11),
                            StandardCharsets.UTF_8);
                    return company(text);
                }
                case LIST -> {
                    allow(method, "GET");
                    authenticate(exchange);
                    return page(Requests.fromListing(query(exchange.getRequestURI().getRawQuery())), missingMeta);
                }
                case SEARCH -> {
                    allow(method, "POST");
                    authenticate(exchange);
                    return page(Requests.fromBody(body(exchange)), missingMeta);
                }
                default -> throw new ApiProblem(404, "not_found", "No such endpoint: " + method + " " + path
                        + " (the API lives under " + options.basePath() + ")", Map.of("path", path));
            }
        } catch (ApiProblem problem) {
            Map<String, String> headers = problem.status == 401 && options.bearerAuth()
                    ? Map.of("WWW-Authenticate", "Bearer") : problem.status == 405
                    ? Map.of("Allow", (String) problem.details.get("allow")) : Map.of();
            return new Answer(problem.status, error(problem.code, problem.getMessage(), problem.details), headers);
        } catch (RuntimeException e) {
            return new Answer(500, error("internal_error", "The simulator failed: " + e, Map.of()));
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiProblem(405, "method_not_allowed", method + " is not allowed here; use " + allowed,
                    Map.of("allow", allowed));
        }
    }

    private void authenticate(HttpExchange exchange) {
        if (keys.isEmpty()) {
            return;
        }
        String given;
        String header;
        if (options.bearerAuth()) {
            header = "Authorization";
            String value = exchange.getRequestHeaders().getFirst(header);
            given = value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
        } else {
            header = "X-API-KEY";
            String value = exchange.getRequestHeaders().getFirst(header);
            given = value == null ? null : value.trim();
        }
        if (given != null) {
            byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
            for (byte[] key : keys) {
                if (MessageDigest.isEqual(key, bytes)) {
                    return;
                }
            }
        }
        throw new ApiProblem(401, "unauthorized", given == null
                ? "Send the API key in the " + (options.bearerAuth() ? "Authorization: Bearer <key>" : "X-API-KEY")
                + " header" : "This API key is not valid", Map.of("header", header));
    }

    private Answer company(String text) {
        Cnpj cnpj = Cnpj.parse(text).orElseThrow(() -> new ApiProblem(400, "invalid_cnpj", Cnpj.problemWith(text),
                Map.of("cnpj", text)));
        SyntheticDirectory.Profile profile = directory.profile(cnpj);
        if (!profile.known()) {
            throw new ApiProblem(404, "company_not_found", "No establishment with CNPJ " + cnpj.value(),
                    Map.of("cnpj", cnpj.value()));
        }
        return json(200, directory.company(profile));
    }

    private Answer page(SearchQuery query, boolean missingMeta) {
        SyntheticDirectory.Page page = directory.search(query);
        ObjectNode body = NODES.objectNode();
        if (missingMeta) {
            calls.faulted(CallLog.Fault.MISSING_META);
        } else {
            ObjectNode meta = body.putObject("meta");
            meta.put("page", query.page());
            meta.put("limit", query.limit());
            meta.put("total_items", page.total());
            meta.put("total_items_estimated", false);
            long next = query.offset() + query.limit();
            meta.put("next_cursor", next < page.total() ? Requests.encodeCursor(next) : null);
        }
        body.putArray("data").addAll(page.companies());
        return json(200, body);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiProblem(413, "body_too_large", "The body is larger than " + MAX_BODY_BYTES + " bytes", Map.of());
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("body", "not valid JSON (" + e.getOriginalMessage() + ")", null);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    // ---------------------------------------------------------------- admin

    private Answer admin(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        try {
            switch (path) {
                case "/_simulator/faults" -> {
                    if (method.equals("POST")) {
                        applyFaults(body(exchange));
                    } else {
                        allow(method, "GET");
                    }
                    return json(200, faultsJson());
                }
                case "/_simulator/calls" -> {
                    allow(method, "GET");
                    return json(200, callsJson());
                }
                case "/_simulator/reset" -> {
                    allow(method, "POST");
                    faults.clear();
                    calls.reset();
                    return json(200, NODES.objectNode().put("status", "reset"));
                }
                default -> throw new ApiProblem(404, "not_found", "No such admin endpoint: " + path
                        + " (try /_simulator/faults, /_simulator/calls, /_simulator/reset)", Map.of("path", path));
            }
        } catch (ApiProblem problem) {
            return new Answer(problem.status, error(problem.code, problem.getMessage(), problem.details));
        }
    }

    /** Sets the whole fault configuration from JSON; fields left out are off. */
    private void applyFaults(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "a JSON object of faults, e.g. {\"server_error_rate\":0.2}", null);
        }
        Set<String> known = new LinkedHashSet<>(List.of("latency_ms", "jitter_ms", "server_error_rate",
                "too_many_requests", "server_errors", "too_many_requests_rate", "retry_after_seconds", "malformed_json_rate",
                "connection_reset_rate", "hang_rate", "hang_ms", "missing_meta"));
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiProblem(400, "invalid_fault", "Unknown fault field(s) " + unknown + "; known: " + known,
                    Map.of("fields", unknown));
        }
        Faults.Settings none = Faults.Settings.NONE;
        Faults.Settings settings;
        try {
            settings = new Faults.Settings(
                    body.path("latency_ms").asLong(none.latencyMillis()),
                    body.path("jitter_ms").asLong(none.jitterMillis()),
                    body.path("server_error_rate").asDouble(none.serverErrorRate()),
                    body.path("too_many_requests_rate").asDouble(none.tooManyRequestsRate()),
                    body.path("retry_after_seconds").asInt(none.retryAfterSeconds()),
                    body.path("malformed_json_rate").asDouble(none.malformedJsonRate()),
                    body.path("connection_reset_rate").asDouble(none.connectionResetRate()),
                    body.path("hang_rate").asDouble(none.hangRate()),
                    body.path("hang_ms").asLong(none.hangMillis()),
                    body.path("missing_meta").asBoolean(none.missingMeta()));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid_fault", e.getMessage(), Map.of());
        }
        int next = body.path("too_many_requests").asInt(0);
        int nextErrors = body.path("server_errors").asInt(0);
        if (next < 0 || nextErrors < 0) {
            throw new ApiProblem(400, "invalid_fault", "too_many_requests and server_errors must be zero or more",
                    Map.of());
        }
        faults.set(settings).tooManyRequests(next).serverErrors(nextErrors);
    }

    private ObjectNode faultsJson() {
        Faults.Settings s = faults.settings();
        ObjectNode node = NODES.objectNode();
        node.put("latency_ms", s.latencyMillis());
        node.put("jitter_ms", s.jitterMillis());
        node.put("server_error_rate", s.serverErrorRate());
        node.put("too_many_requests", faults.pendingTooManyRequests());
        node.put("server_errors", faults.pendingServerErrors());
        node.put("too_many_requests_rate", s.tooManyRequestsRate());
        node.put("retry_after_seconds", s.retryAfterSeconds());
        node.put("malformed_json_rate", s.malformedJsonRate());
        node.put("connection_reset_rate", s.connectionResetRate());
        node.put("hang_rate", s.hangRate());
        node.put("hang_ms", s.hangMillis());
        node.put("missing_meta", s.missingMeta());
        return node;
    }

    private ObjectNode callsJson() {
        CallLog.Snapshot snapshot = calls.snapshot();
        ObjectNode node = NODES.objectNode();
        node.put("total", snapshot.total());
        ObjectNode kinds = node.putObject("by_kind");
        for (CallLog.Kind kind : CallLog.Kind.values()) {
            kinds.put(kind.name().toLowerCase(Locale.ROOT), snapshot.byKind().get(kind));
        }
        ObjectNode statuses = node.putObject("by_status");
        new java.util.TreeMap<>(snapshot.byStatus()).forEach((status, n) -> statuses.put(String.valueOf(status), n));
        ObjectNode faultCounts = node.putObject("by_fault");
        for (CallLog.Fault fault : CallLog.Fault.values()) {
            faultCounts.put(fault.name().toLowerCase(Locale.ROOT), snapshot.byFault().get(fault));
        }
        return node;
    }

    // ---------------------------------------------------------------- answers

    private static byte[] error(String code, String message, Map<String, Object> details) {
        ObjectNode body = NODES.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.set("details", JSON.valueToTree(details));
        return write(body);
    }

    private static Answer json(int status, JsonNode body) {
        return new Answer(status, write(body));
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    // ---------------------------------------------------------------- command line

    /**
     * Runs a simulator until the process is stopped: {@code --port P --seed S --api-key K [--api-key K2…]
     * [--variant api-v1] [--bearer] [--unknown-share 0.05]}. Prints one line with the address once it listens.
     */
    public static void main(String[] args) {
        CommandLine line = SimulatorMain.arguments("api-cnaes simulator", args, CommandLine::parse, usage());
        if (line == null) {
            return;
        }
        if (line.options().apiKeys().isEmpty()) {
            System.err.println("api-cnaes simulator: no --api-key given, so every caller is accepted");
        }
        ApiCnaesSimulator simulator = start(line.port(), line.options());
        SimulatorMain.listening("api-cnaes simulator", simulator, simulator.apiUri() + " (seed "
                + line.options().seed() + ", " + (line.options().bearerAuth() ? "Authorization: Bearer" : "X-API-KEY")
                + ", admin at " + simulator.baseUri() + "/_simulator)");
    }

    /** The command line of {@link #main}: a port and the options. */
    record CommandLine(int port, SimulatorOptions options) {

        /** The parsed arguments; null when help was asked for. */
        static CommandLine parse(String[] args) {
            int port = 0;
            long seed = 1;
            Set<String> keys = new LinkedHashSet<>();
            boolean apiV1 = false;
            boolean bearer = false;
            double unknownShare = 0.05;
            try {
                for (int i = 0; i < args.length; i++) {
                    String arg = args[i];
                    switch (arg) {
                        case "--port" -> port = Integer.parseInt(args[++i]);
                        case "--seed" -> seed = Long.parseLong(args[++i]);
                        case "--api-key" -> Arrays.stream(args[++i].split(",")).map(String::trim)
                                .filter(k -> !k.isEmpty()).forEach(keys::add);
                        case "--variant" -> {
                            String variant = args[++i];
                            if (!variant.equals("api-v1") && !variant.equals("v1")) {
                                throw new IllegalArgumentException("unknown variant " + variant + " (v1 or api-v1)");
                            }
                            apiV1 = variant.equals("api-v1");
                        }
                        case "--bearer" -> bearer = true;
                        case "--unknown-share" -> unknownShare = Double.parseDouble(args[++i]);
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
            return new CommandLine(port, new SimulatorOptions(seed, keys, apiV1, bearer, unknownShare));
        }
    }

    private static String usage() {
        return "usage: api-cnaes-simulator [--port P] [--seed S] [--api-key K[,K2…]] [--variant v1|api-v1] [--bearer]"
                + " [--unknown-share 0.05]";
    }
}
