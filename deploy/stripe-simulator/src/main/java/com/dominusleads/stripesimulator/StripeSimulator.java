package com.dominusleads.stripesimulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.dominusleads.simulatorkit.LoopbackSimulator;
import com.dominusleads.simulatorkit.SimulatorMain;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A local stand-in for the part of Stripe's REST API the product calls, and for the webhooks Stripe sends back, so that
 * billing works end to end on a laptop with no Stripe account (DESIGN §4, §5).
 * <p>
 * <b>API</b> (form-encoded with Stripe's bracket notation, {@code Authorization: Bearer <secret key>}, answers in
 * Stripe's JSON shapes and error shape): {@code POST /v1/customers}, {@code GET /v1/customers/{id}},
 * {@code POST /v1/products}, {@code GET /v1/products/{id}}, {@code POST|GET /v1/prices}, {@code GET /v1/prices/{id}},
 * {@code POST /v1/checkout/sessions}, {@code GET /v1/checkout/sessions/{id}} (with {@code expand[]=line_items}),
 * {@code GET /v1/checkout/sessions/{id}/line_items}, {@code POST /v1/billing_portal/sessions},
 * {@code GET|DELETE /v1/subscriptions/{id}}, {@code GET /v1/invoices/{id}}, {@code GET /v1/events/{id}}. A POST with an
 * {@code Idempotency-Key} already used answers the stored response ({@code Idempotent-Replayed: true}), or an
 * {@code idempotency_error} when the path or the parameters differ.
 * <p>
 * stripe-java 33 reaches it through a client whose API base is overridden — the per-client way, which leaves other
 * clients in the JVM alone:
 * <pre>{@code
 * StripeClient stripe = StripeClient.builder().setApiKey("sk_test_…").setApiBase("http://127.0.0.1:12111").build();
 * }</pre>
 * ({@code Stripe.overrideApiBase(url)} works too, but changes the global default of every static-API call.)
 * <p>
 * <b>Webhooks</b>: events carry {@code api_version} = {@link Stripe#API_VERSION}, so stripe-java's
 * {@code event.getDataObjectDeserializer().getObject()} gives typed objects, and are signed with stripe-java's own
 * {@code Webhook.Signature.generateSignatureHeader}. They are raised by simulated customer actions, admin endpoints
 * under {@code /_simulator} (no authentication): paying a Checkout Session, renewing, failing a payment, cancelling or
 * updating a subscription, a paid invoice outside Checkout, resending an event. The Checkout and billing-portal
 * {@code url}s lead to small pages of this server where a person can pay or cancel by hand.
 * <p>
 * A {@link LoopbackSimulator}: the JDK's HttpServer on the loopback interface only, one virtual thread per exchange;
 * it keeps everything in memory.
 */
public final class StripeSimulator extends LoopbackSimulator {

    /**
     * What a simulated customer action did: the ids of the objects it created or changed (keys such as
     * {@code checkout_session}, {@code customer}, {@code subscription}, {@code invoice}) and one delivery per event it
     * raised, in the order raised.
     */
    public record Outcome(Map<String, String> ids, List<Webhooks.Delivery> deliveries) {

        public Outcome {
            ids = Map.copyOf(ids);
            deliveries = List.copyOf(deliveries);
        }

        /** The types of the events raised, in order. */
        public List<String> eventTypes() {
            return deliveries.stream().map(Webhooks.Delivery::type).toList();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String NO_KEY = "You did not provide an API key. You need to provide your API key in the"
            + " Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
            + " https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

    /** A POST answered under an idempotency key: replayed to a retry of the same request. */
    private record Stored(String method, String path, ObjectNode params, Answer answer) {
    }

    private record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {

        Answer(int status, byte[] body) {
            this(status, body, "application/json", Map.of());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, contentType, more);
        }
    }

    /** An API answer and the events to deliver once it is sent (e.g. after {@code DELETE /v1/subscriptions/…}). */
    private record Reply(Answer answer, List<ObjectNode> events) {
    }

    private final SimulatorOptions options;
    private final List<byte[]> keys;
    private final Billing billing;
    private final Webhooks webhooks;
    private final RequestLog requests = new RequestLog();
    private final Map<String, Stored> idempotent = new LinkedHashMap<>();
    private final ReentrantLock idempotencyLock = new ReentrantLock();

    private StripeSimulator(int port, SimulatorOptions options) {
        super("Stripe simulator", port, 128);
        this.options = options;
        this.keys = options.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.webhooks = new Webhooks(options.webhookUrl(), options.webhookSecret(), options.webhookTimeout());
        this.billing = new Billing(baseUri(), Clock.systemUTC());
        listen(this::handle);
    }

    /** Starts a simulator on {@code port} of the loopback interface (0: any free port). */
    public static StripeSimulator start(int port, SimulatorOptions options) {
        return new StripeSimulator(port, options);
    }

    public SimulatorOptions options() {
        return options;
    }

    /** Every API request received. */
    public RequestLog requests() {
        return requests;
    }

    /** The webhook endpoint (changeable at runtime) and every delivery attempted. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Forgets every object, event, request, delivery and idempotency key; the webhook endpoint stays. */
    public void reset() {
        idempotencyLock.lock();
        try {
            idempotent.clear();
        } finally {
            idempotencyLock.unlock();
        }
        billing.clear();
        requests.clear();
        webhooks.clear();
    }

    // ---------------------------------------------------------------- simulated customer actions

    /** The customer pays the Checkout Session {@code sessionId}: see {@code POST /_simulator/checkout/sessions/…}. */
    public Outcome completeCheckout(String sessionId) {
        return deliver(billing.completeCheckout(sessionId));
    }

    /** The subscription's next payment succeeds ({@code invoice.paid}). */
    public Outcome renew(String subscriptionId) {
        return deliver(billing.renew(subscriptionId));
    }

    /** The subscription's next payment fails ({@code invoice.payment_failed}, then past due). */
    public Outcome failPayment(String subscriptionId) {
        return deliver(billing.failPayment(subscriptionId));
    }

    /** The subscription ends now ({@code customer.subscription.deleted}). */
    public Outcome cancel(String subscriptionId) {
        return deliver(billing.cancel(subscriptionId));
    }

    /** Sets the subscription's status and/or price (either may be null) ({@code customer.subscription.updated}). */
    public Outcome update(String subscriptionId, String status, String price) {
        ObjectNode changes = NODES.objectNode();
        if (status != null) {
            changes.put("status", status);
        }
        if (price != null) {
            changes.put("price", price);
        }
        return deliver(billing.update(subscriptionId, changes));
    }

    /** A paid invoice for {@code customer} outside Checkout, quantities by price id ({@code invoice.paid}). */
    public Outcome invoice(String customer, Map<String, Long> quantities, Map<String, String> metadata) {
        ObjectNode body = NODES.objectNode();
        body.put("customer", customer);
        ArrayNode lines = body.putArray("lines");
        quantities.forEach((price, quantity) -> lines.addObject().put("price", price).put("quantity", quantity));
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        return deliver(billing.invoice(body));
    }

    /** Delivers the event {@code eventId} again: the same JSON, a fresh signature. */
    public Webhooks.Delivery resend(String eventId) {
        ObjectNode event = billing.event(eventId);
        return webhooks.deliver(eventId, event.get("type").asText(), write(event));
    }

    private Outcome deliver(Billing.Effects effects) {
        Map<String, String> ids = new LinkedHashMap<>();
        effects.ids().properties().forEach(e -> ids.put(e.getKey(), e.getValue().asText()));
        return new Outcome(ids, deliverAll(effects.events()));
    }

    private List<Webhooks.Delivery> deliverAll(List<ObjectNode> events) {
        List<Webhooks.Delivery> deliveries = new ArrayList<>();
        for (ObjectNode event : events) {
            deliveries.add(webhooks.deliver(event.get("id").asText(), event.get("type").asText(), write(event)));
        }
        return deliveries;
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/health")) {
                send(exchange, json(200, NODES.objectNode().put("status", "ok")));
            } else if (path.equals("/_simulator") || path.startsWith("/_simulator/")) {
                send(exchange, admin(exchange, method, path));
            } else if (path.equals("/v1") || path.startsWith("/v1/")) {
                api(exchange, method, path);
            } else {
                send(exchange, page(exchange, method, path));
            }
        } catch (IOException e) {
            // the caller went away: nothing to answer
        } finally {
            exchange.close();
        }
    }

    // ---------------------------------------------------------------- API

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        String requestId = "req_" + random(14);
        String idempotencyKey = header(exchange, "Idempotency-Key");
        String version = header(exchange, "Stripe-Version");
        String raw;
        try {
            raw = method.equals("POST") ? new String(body(exchange), StandardCharsets.UTF_8) : null;
        } catch (StripeProblem problem) {
            raw = null;
        }
        if (raw == null || raw.isEmpty()) {
            raw = exchange.getRequestURI().getRawQuery();
        }
        Map<String, String> form = FormParams.flat(raw);
        ObjectNode params = FormParams.nested(raw);
        Reply reply;
        boolean replayed = false;
        try {
            authenticate(exchange);
            if (method.equals("POST") && idempotencyKey != null) {
                idempotencyLock.lock();
                try {
                    Stored stored = idempotent.get(idempotencyKey);
                    if (stored != null) {
                        if (!stored.method().equals(method) || !stored.path().equals(path)) {
                            throw new StripeProblem(400, "idempotency_error", null, "Keys for idempotent requests can"
                                    + " only be used for the same endpoint they were first used for ('" + stored.path()
                                    + "' vs '" + path + "'). Try using a key other than '" + idempotencyKey
                                    + "' if you meant to execute a different request.", null);
                        }
                        if (!stored.params().equals(params)) {
                            throw new StripeProblem(400, "idempotency_error", null, "Keys for idempotent requests can"
                                    + " only be used with the same parameters they were first used with. Try using a"
                                    + " key other than '" + idempotencyKey + "' if you meant to execute a different"
                                    + " request.", null);
                        }
                        replayed = true;
                        reply = new Reply(stored.answer().withHeader("Idempotent-Replayed", "true"), List.of());
                    } else {
                        reply = route(method, path, params);
                        // As Stripe: only a request that ran is saved; a rejected one may be retried with the same key.
                        if (reply.answer().status() < 400) {
                            idempotent.put(idempotencyKey, new Stored(method, path, params, reply.answer()));
                        }
                    }
                } finally {
                    idempotencyLock.unlock();
                }
            } else {
                reply = route(method, path, params);
            }
        } catch (StripeProblem problem) {
            reply = new Reply(error(problem), List.of());
        } catch (RuntimeException e) {
            reply = new Reply(new Answer(500, errorBody("api_error", null, "The simulator failed: " + e, null)),
                    List.of());
        }
        Answer answer = reply.answer().withHeader("Request-Id", requestId)
                .withHeader("Stripe-Version", version == null ? Stripe.API_VERSION : version);
        if (idempotencyKey != null && method.equals("POST")) {
            answer = answer.withHeader("Idempotency-Key", idempotencyKey);
        }
        requests.add(new RequestLog.Entry(Instant.now(), requestId, method, path, params, form, idempotencyKey, version,
                answer.status(), replayed));
        send(exchange, answer);
        exchange.close();
        deliverAll(reply.events()); // after answering, as Stripe sends webhooks asynchronously
    }

    private Reply route(String method, String path, ObjectNode params) {
        String relative = path.length() > 4 ? path.substring(4) : "";
        String resource = relative.startsWith("checkout/sessions") ? "checkout/sessions"
                : relative.startsWith("billing_portal/sessions") ? "billing_portal/sessions"
                : relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        String[] rest = relative.length() > resource.length() + 1
                ? relative.substring(resource.length() + 1).split("/") : new String[0];
        String id = rest.length > 0 ? rest[0] : null;
        String shape = method + " " + resource + (rest.length == 0 ? "" : "/{id}")
                + (rest.length > 1 ? "/" + String.join("/", List.of(rest).subList(1, rest.length)) : "");
        switch (shape) {
            case "POST customers" -> {
                return ok(billing.createCustomer(params));
            }
            case "GET customers/{id}" -> {
                return ok(billing.retrieve("customer", id));
            }
            case "POST products" -> {
                return ok(billing.createProduct(params));
            }
            case "GET products/{id}" -> {
                return ok(billing.retrieve("product", id));
            }
            case "POST prices" -> {
                return ok(billing.createPrice(params));
            }
            case "GET prices" -> {
                return ok(billing.listPrices(params));
            }
            case "GET prices/{id}" -> {
                return ok(billing.retrieve("price", id));
            }
            case "POST checkout/sessions" -> {
                return ok(expand(billing.createCheckoutSession(params), params));
            }
            case "GET checkout/sessions/{id}" -> {
                return ok(expand(billing.retrieve("checkout.session", id), params));
            }
            case "GET checkout/sessions/{id}/line_items" -> {
                billing.retrieve("checkout.session", id);
                return ok(billing.sessionLineItems(id));
            }
            case "POST billing_portal/sessions" -> {
                return ok(billing.createPortalSession(params));
            }
            case "GET subscriptions/{id}" -> {
                return ok(billing.retrieve("subscription", id));
            }
            case "DELETE subscriptions/{id}" -> {
                Billing.Effects effects = billing.cancel(id);
                return new Reply(json(200, billing.retrieve("subscription", id)), effects.events());
            }
            case "GET invoices/{id}" -> {
                return ok(billing.retrieve("invoice", id));
            }
            case "GET events/{id}" -> {
                return ok(billing.event(id));
            }
            default -> throw new StripeProblem(404, StripeProblem.INVALID_REQUEST, null, "Unrecognized request URL ("
                    + method + ": " + path + "). Please see https://stripe.com/docs or we can help at"
                    + " https://support.stripe.com/.", null);
        }
    }

    private ObjectNode expand(ObjectNode object, ObjectNode params) {
        JsonNode expand = params.path("expand");
        boolean lineItems = false;
        for (JsonNode e : expand) {
            lineItems |= e.asText().equals("line_items");
        }
        if (lineItems && "checkout.session".equals(object.path("object").asText())) {
            object.set("line_items", billing.sessionLineItems(object.get("id").asText()));
        }
        return object;
    }

    private static Reply ok(ObjectNode object) {
        return new Reply(json(200, object), List.of());
    }

    private void authenticate(HttpExchange exchange) {
        String header = header(exchange, "Authorization");
        String key = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = header.substring(7).trim();
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String user = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                key = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            } catch (IllegalArgumentException e) {
                key = "";
            }
        }
        if (key == null || key.isEmpty()) {
            throw new StripeProblem(401, StripeProblem.INVALID_REQUEST, null, NO_KEY, null);
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean known = keys.isEmpty();
        for (byte[] accepted : keys) {
            known |= MessageDigest.isEqual(accepted, given);
        }
        if (!known) {
            throw new StripeProblem(401, StripeProblem.INVALID_REQUEST, null, "Invalid API Key provided: " + mask(key),
                    null);
        }
    }

    /** {@code sk_test_****} plus the last four characters when the key is long enough to spare them. */
    static String mask(String key) {
        int prefix = 0;
        for (int underscores = 0; prefix < key.length() && prefix < 12; prefix++) {
            if (key.charAt(prefix) == '_' && ++underscores == 2) {
                prefix++;
                break;
            }
        }
        if (prefix >= key.length() || prefix == 12) {
            prefix = 0;
        }
        String tail = key.length() - prefix > 16 ? key.substring(key.length() - 4) : "";
        return key.substring(0, prefix) + "****" + tail;
    }

    // ---------------------------------------------------------------- admin

    private Answer admin(HttpExchange exchange, String method, String path) throws IOException {
        String[] s = path.substring(1).split("/");
        try {
            if (path.equals("/_simulator/webhook")) {
                if (method.equals("POST")) {
                    JsonNode body = jsonBody(exchange);
                    String url = body.path("url").isTextual() ? body.get("url").asText() : null;
                    String secret = body.path("secret").isTextual() ? body.get("secret").asText() : null;
                    try {
                        webhooks.configure(url == null || url.isBlank() ? null : URI.create(url), secret);
                    } catch (IllegalArgumentException e) {
                        throw StripeProblem.invalid("url", e.getMessage());
                    }
                } else if (!method.equals("GET")) {
                    throw notAllowed(method, path);
                }
                ObjectNode node = NODES.objectNode();
                Webhooks.Endpoint endpoint = webhooks.endpoint();
                node.put("url", endpoint == null ? null : endpoint.url().toString());
                node.put("secret_configured", endpoint != null); // the secret itself is never shown
                return json(200, node);
            }
            if (path.equals("/_simulator/requests") && method.equals("GET")) {
                ArrayNode list = NODES.arrayNode();
                for (RequestLog.Entry e : requests.entries()) {
                    ObjectNode node = list.addObject();
                    node.put("at", e.at().toString());
                    node.put("request_id", e.requestId());
                    node.put("method", e.method());
                    node.put("path", e.path());
                    node.set("params", e.params());
                    ObjectNode form = node.putObject("form");
                    e.form().forEach(form::put);
                    node.put("idempotency_key", e.idempotencyKey());
                    node.put("stripe_version", e.stripeVersion());
                    node.put("status", e.status());
                    node.put("replayed", e.replayed());
                }
                return json(200, NODES.objectNode().set("data", list));
            }
            if (path.equals("/_simulator/deliveries") && method.equals("GET")) {
                ArrayNode list = NODES.arrayNode();
                webhooks.deliveries().forEach(d -> list.add(deliveryJson(d)));
                return json(200, NODES.objectNode().set("data", list));
            }
            if (path.equals("/_simulator/events") && method.equals("GET")) {
                ArrayNode list = NODES.arrayNode();
                billing.events().forEach(list::add);
                return json(200, NODES.objectNode().set("data", list));
            }
            if (path.equals("/_simulator/reset") && method.equals("POST")) {
                reset();
                return json(200, NODES.objectNode().put("status", "reset"));
            }
            if (path.equals("/_simulator/invoices") && method.equals("POST")) {
                return outcome(deliver(billing.invoice(jsonBody(exchange))));
            }
            if (s.length == 5 && path.startsWith("/_simulator/checkout/sessions/") && s[4].equals("complete")
                    && method.equals("POST")) {
                return outcome(completeCheckout(s[3]));
            }
            if (s.length == 4 && s[1].equals("subscriptions") && method.equals("POST")) {
                return switch (s[3]) {
                    case "renew" -> outcome(renew(s[2]));
                    case "fail-payment" -> outcome(failPayment(s[2]));
                    case "cancel" -> outcome(cancel(s[2]));
                    case "update" -> outcome(deliver(billing.update(s[2], jsonBody(exchange))));
                    default -> throw notFound(path);
                };
            }
            if (s.length == 4 && s[1].equals("events") && s[3].equals("resend") && method.equals("POST")) {
                Webhooks.Delivery delivery = resend(s[2]);
                return json(200, NODES.objectNode().set("delivery", deliveryJson(delivery)));
            }
            throw notFound(path);
        } catch (StripeProblem problem) {
            return error(problem);
        }
    }

    private static StripeProblem notFound(String path) {
        return new StripeProblem(404, StripeProblem.INVALID_REQUEST, null, "No such admin endpoint: " + path
                + " (see docs/stripe-simulator.md)", null);
    }

    private static StripeProblem notAllowed(String method, String path) {
        return new StripeProblem(405, StripeProblem.INVALID_REQUEST, null, method + " is not allowed on " + path, null);
    }

    private static Answer outcome(Outcome outcome) {
        ObjectNode node = NODES.objectNode();
        outcome.ids().forEach(node::put);
        ArrayNode events = node.putArray("events");
        for (Webhooks.Delivery d : outcome.deliveries()) {
            ObjectNode event = events.addObject();
            event.put("id", d.eventId());
            event.put("type", d.type());
            event.set("delivery", deliveryJson(d));
        }
        return json(200, node);
    }

    private static ObjectNode deliveryJson(Webhooks.Delivery d) {
        ObjectNode node = NODES.objectNode();
        node.put("event_id", d.eventId());
        node.put("type", d.type());
        node.put("url", d.url() == null ? null : d.url().toString());
        node.put("attempted_at", d.attemptedAt().toString());
        node.put("status", d.status());
        node.put("delivered", d.delivered());
        node.put("error", d.error());
        node.put("millis", d.millis());
        return node;
    }

    // ---------------------------------------------------------------- pages a person clicks through

    private Answer page(HttpExchange exchange, String method, String path) {
        String[] s = path.substring(1).split("/");
        try {
            if (s.length == 2 && s[0].equals("checkout") && method.equals("GET")) {
                return html(200, checkoutPage(s[1]));
            }
            if (s.length == 3 && s[0].equals("checkout") && s[2].equals("pay") && method.equals("POST")) {
                completeCheckout(s[1]);
                String success = billing.retrieve("checkout.session", s[1]).path("success_url").asText(null);
                return success == null ? html(200, "<p>Paid. You can close this page.</p>")
                        : redirect(success.replace("{CHECKOUT_SESSION_ID}", s[1]));
            }
            if (s.length == 2 && s[0].equals("billing_portal") && method.equals("GET")) {
                return html(200, portalPage(s[1]));
            }
            if (s.length == 5 && s[0].equals("billing_portal") && s[2].equals("subscriptions") && s[4].equals("cancel")
                    && method.equals("POST")) {
                String customer = billing.retrieve("billing_portal.session", s[1]).get("customer").asText();
                if (!customer.equals(billing.retrieve("subscription", s[3]).get("customer").asText())) {
                    throw StripeProblem.missing("subscription", s[3], null);
                }
                cancel(s[3]);
                return redirect("/billing_portal/" + s[1]);
            }
            if (s.length == 2 && s[0].equals("invoices") && method.equals("GET")) {
                return html(200, invoicePage(s[1]));
            }
        } catch (StripeProblem problem) {
            return html(problem.status, "<p>" + escape(problem.getMessage()) + "</p>");
        }
        return error(new StripeProblem(404, StripeProblem.INVALID_REQUEST, null, "Unrecognized request URL (" + method
                + ": " + path + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                null));
    }

    private String checkoutPage(String id) {
        ObjectNode session = billing.retrieve("checkout.session", id);
        StringBuilder page = new StringBuilder("<h1>Checkout (Stripe simulator)</h1><table>");
        for (JsonNode line : billing.sessionLineItems(id).get("data")) {
            page.append("<tr><td>").append(escape(line.get("description").asText())).append("</td><td>× ")
                    .append(line.get("quantity").asLong()).append("</td><td>")
                    .append(money(line.get("amount_total").asLong(), line.get("currency").asText()))
                    .append(line.at("/price/recurring/interval").isTextual()
                            ? " / " + line.at("/price/recurring/interval").asText() : "")
                    .append("</td></tr>");
        }
        page.append("</table><p>Total: <b>").append(money(session.get("amount_total").asLong(),
                session.get("currency").asText())).append("</b></p>");
        if (session.get("status").asText().equals("open")) {
            page.append("<form method=\"post\" action=\"/checkout/").append(escape(id))
                    .append("/pay\"><button type=\"submit\">Pay (simulated card)</button></form>");
            if (session.hasNonNull("cancel_url")) {
                page.append("<p><a href=\"").append(escape(session.get("cancel_url").asText()))
                        .append("\">Cancel and go back</a></p>");
            }
        } else {
            page.append("<p>This session is ").append(escape(session.get("status").asText())).append(".</p>");
        }
        return page.toString();
    }

    private String portalPage(String id) {
        ObjectNode portal = billing.retrieve("billing_portal.session", id);
        ObjectNode customer = billing.retrieve("customer", portal.get("customer").asText());
        StringBuilder page = new StringBuilder("<h1>Billing (Stripe simulator)</h1><p>")
                .append(escape(customer.path("name").asText(customer.get("id").asText()))).append("</p><ul>");
        for (ObjectNode subscription : billing.subscriptionsOf(customer.get("id").asText())) {
            JsonNode price = subscription.at("/items/data/0/price");
            page.append("<li>").append(escape(subscription.get("id").asText())).append(": ")
                    .append(money(price.path("unit_amount").asLong(), price.path("currency").asText())).append(" / ")
                    .append(escape(price.at("/recurring/interval").asText())).append(", ")
                    .append(escape(subscription.get("status").asText()));
            if (!subscription.get("status").asText().equals("canceled")) {
                page.append(" <form style=\"display:inline\" method=\"post\" action=\"/billing_portal/")
                        .append(escape(id)).append("/subscriptions/").append(escape(subscription.get("id").asText()))
                        .append("/cancel\"><button type=\"submit\">Cancel subscription</button></form>");
            }
            page.append("</li>");
        }
        page.append("</ul>");
        if (portal.hasNonNull("return_url")) {
            page.append("<p><a href=\"").append(escape(portal.get("return_url").asText())).append("\">Return</a></p>");
        }
        return page.toString();
    }

    private String invoicePage(String id) {
        ObjectNode invoice = billing.retrieve("invoice", id);
        StringBuilder page = new StringBuilder("<h1>Invoice ").append(escape(invoice.path("number").asText(id)))
                .append("</h1><table>");
        for (JsonNode line : invoice.at("/lines/data")) {
            page.append("<tr><td>").append(escape(line.get("description").asText())).append("</td><td>")
                    .append(money(line.get("amount").asLong(), line.get("currency").asText())).append("</td></tr>");
        }
        return page.append("</table><p>Total ").append(money(invoice.get("total").asLong(),
                invoice.get("currency").asText())).append(", ").append(escape(invoice.get("status").asText()))
                .append("</p>").toString();
    }

    private static String money(long minorUnits, String currency) {
        return currency.toUpperCase(Locale.ROOT) + " " + String.format(Locale.ROOT, "%d.%02d", minorUnits / 100,
                Math.abs(minorUnits % 100));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Answer html(int status, String body) {
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Stripe simulator</title></head><body>"
                + body + "</body></html>";
        return new Answer(status, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", Map.of());
    }

    private static Answer redirect(String location) {
        return new Answer(303, new byte[0], "text/plain", Map.of("Location", location));
    }

    // ---------------------------------------------------------------- answers

    private static Answer error(StripeProblem problem) {
        Answer answer = new Answer(problem.status, errorBody(problem.type, problem.code, problem.getMessage(),
                problem.param));
        return problem.status == 401 ? answer.withHeader("WWW-Authenticate", "Basic realm=\"Stripe\"") : answer;
    }

    private static byte[] errorBody(String type, String code, String message, String param) {
        ObjectNode body = NODES.objectNode();
        ObjectNode error = body.putObject("error");
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        return writeBytes(body);
    }

    private static Answer json(int status, JsonNode body) {
        return new Answer(status, writeBytes(body));
    }

    private static byte[] writeBytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        return new String(writeBytes(node), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType().startsWith("application/json")
                ? "application/json" : answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new StripeProblem(413, StripeProblem.INVALID_REQUEST, null, "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes.", null);
        }
        return bytes;
    }

    private static JsonNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] bytes = body(exchange);
        if (bytes.length == 0) {
            return NODES.objectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw StripeProblem.invalid("body", "Not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String random(int length) {
        String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(characters.charAt(ThreadLocalRandom.current().nextInt(characters.length())));
        }
        return id.toString();
    }

    // ---------------------------------------------------------------- command line

    /**
     * Runs a simulator until the process is stopped: {@code --port P --api-key K[,K2…] [--webhook-url U
     * --webhook-secret whsec_…] [--webhook-timeout-ms N]}. Prints one line with the address once it listens.
     */
    public static void main(String[] args) {
        CommandLine line = SimulatorMain.arguments("stripe simulator", args, CommandLine::parse, usage());
        if (line == null) {
            return;
        }
        if (line.options().apiKeys().isEmpty()) {
            System.err.println("stripe simulator: no --api-key given, so any secret key is accepted");
        }
        StripeSimulator simulator = start(line.port(), line.options());
        Webhooks.Endpoint endpoint = simulator.webhooks().endpoint();
        SimulatorMain.listening("stripe simulator", simulator, simulator.baseUri() + " (API at /v1, admin at"
                + " /_simulator, webhooks " + (endpoint == null ? "not configured" : "to " + endpoint.url()) + ")");
    }

    /** The command line of {@link #main}: a port and the options. */
    record CommandLine(int port, SimulatorOptions options) {

        /** The parsed arguments; null when help was asked for. */
        static CommandLine parse(String[] args) {
            int port = 0;
            Set<String> keys = new LinkedHashSet<>();
            URI webhookUrl = null;
            String webhookSecret = null;
            Duration timeout = Duration.ofSeconds(10);
            try {
                for (int i = 0; i < args.length; i++) {
                    String arg = args[i];
                    switch (arg) {
                        case "--port" -> port = Integer.parseInt(args[++i]);
                        case "--api-key" -> {
                            for (String key : args[++i].split(",")) {
                                if (!key.isBlank()) {
                                    keys.add(key.trim());
                                }
                            }
                        }
                        case "--webhook-url" -> {
                            String url = args[++i];
                            webhookUrl = url.isBlank() ? null : URI.create(url.trim());
                        }
                        case "--webhook-secret" -> webhookSecret = args[++i].trim();
                        case "--webhook-timeout-ms" -> timeout = Duration.ofMillis(Long.parseLong(args[++i]));
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
            return new CommandLine(port, new SimulatorOptions(keys, webhookUrl, webhookSecret, timeout));
        }
    }

    private static String usage() {
        return "usage: stripe-simulator [--port P] [--api-key sk_test_…[,K2…]] [--webhook-url URL --webhook-secret"
                + " whsec_…] [--webhook-timeout-ms 10000]";
    }
}
