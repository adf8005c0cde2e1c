package com.dominusleads.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dominusleads.launcher.suite.EphemeralSuite;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.stack.Ports;
import com.dominusleads.stack.QuarkusService;
import com.dominusleads.stripesimulator.SimulatorOptions;
import com.dominusleads.stripesimulator.StripeSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Tenancy across the suite, with real Keycloak, Debezium and Kafka: a credit pack paid through (the stand-in of)
 * Stripe ends as credits in the ledger, exactly once; and a cross-tenant matrix calls every endpoint of every
 * service, as enumerated from the services' own OpenAPI documents, with another tenant's credentials (tokens and a
 * host API key): always 403/404 or that tenant's own data, never one of the first tenant's rows. An endpoint the
 * matrix does not know fails the test, so a new endpoint cannot skip it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenancySystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String WEBHOOK_SECRET = "whsec_" + UUID.randomUUID().toString().replace("-", "");
    private static final List<String> SERVICES = List.of("host-service", "ledger-service", "leads-service",
            "messaging-service");
    private static final Duration SETTLED = Duration.ofMinutes(3);
    /** The company acme makes a lead of. */
    private static final String ACME_CNPJ = "11222333000181";

    /** How an endpoint decides whose data it serves. */
    enum Access {
        /** The tenant comes from the caller's token or API key: another tenant gets its own data or nothing. */
        TENANT,
        /** Host operators only (the tenant is named in the path): any tenant credential gets 403. */
        HOST,
        /** Suite services only (client credentials, realm role 'service'). */
        SERVICE,
        /** Not tenant data: authenticated otherwise (Stripe's signature), covered by its own tests. */
        OTHER
    }

    private static StripeSimulator stripe;
    private static EphemeralSuite suite;
    private static PasswordTokens tokens;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> acme = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        stripe = StripeSimulator.start(Ports.free(), SimulatorOptions.of(STRIPE_KEY));
        Map<String, Integer> instances = new LinkedHashMap<>();
        SERVICES.forEach(service -> instances.put(service, 1));
        suite = EphemeralSuite.start(instances, true, QuarkusService.JvmProfile.QUICK_START,
                Map.of("DOMINUS_STRIPE_API_BASE", stripe.baseUri().toString().replaceAll("/$", ""),
                        "DOMINUS_STRIPE_API_KEY", STRIPE_KEY,
                        "DOMINUS_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET),
                line -> System.out.println("[suite] " + line));
        stripe.webhooks().configure(suite.instance("host-service").url("/webhooks/stripe"), WEBHOOK_SECRET);
        tokens = new PasswordTokens(suite.tokenEndpoint());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    @Order(1)
    void aPaidCreditPackEndsAsCreditsInTheLedgerExactlyOnce() throws Exception {
        String operator = tokens.of("operator", "operator");
        String tenant = "paid-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(call("host-service", "POST", "/api/host/tenants", operator, Map.of("tenantId", tenant,
                "displayName", "Paid Co", "admin", Map.of("email", "admin@" + tenant + ".example"))).status())
                .isEqualTo(201);
        assertThat(call("host-service", "POST", "/api/host/credit-packs", operator, Map.of("code", "pack-100",
                "name", "100 leads", "credits", 100, "priceCents", 9_900)).status()).isIn(201, 409);

        Reply checkout = call("host-service", "POST", "/api/host/tenants/" + tenant + "/checkout/credit-pack",
                operator, Map.of("packCode", "pack-100", "quantity", 2, "successUrl", "http://127.0.0.1/ok",
                        "cancelUrl", "http://127.0.0.1/cancel"));
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        StripeSimulator.Outcome paid = stripe.completeCheckout(checkout.json().path("sessionId").asText());
        assertThat(paid.eventTypes()).contains("invoice.paid");
        assertThat(paid.deliveries()).allMatch(delivery -> delivery.status() == 200);

        // host-service's outbox → Debezium → credit.granted → ledger-service.
        await().atMost(SETTLED).until(() -> balance(tenant, operator) == 200);
        String invoicePaid = paid.deliveries().stream().filter(d -> d.type().equals("invoice.paid")).findFirst()
                .orElseThrow().eventId();
        assertThat(stripe.resend(invoicePaid).status()).isEqualTo(200);  // Stripe retries: processed once
        assertThat(call("ledger-service", "GET", "/api/ledger/tenants/" + tenant + "/balance", operator, null).json()
                .path("balance").asLong()).isEqualTo(200);
        Thread.sleep(5_000);  // room for a wrongly repeated grant to arrive; none may
        assertThat(balance(tenant, operator)).isEqualTo(200);
    }

    @Test
    @Order(2)
    void noEndpointOfAnyServiceGivesOneTenantAnothersRows() throws Exception {
        String operator = tokens.of("operator", "operator");
        prepareAcme(operator);
        // Credentials of globex: its users' tokens, and a tenant API key with every tenant scope.
        assertThat(call("host-service", "POST", "/api/host/tenants", operator, Map.of("tenantId", "globex",
                "displayName", "Globex", "admin", Map.of("email", "admin@globex.example"))).status()).isIn(200, 201);
        String globexKey = call("host-service", "POST", "/api/host/api-keys", operator, Map.of("name", "matrix",
                "tenantId", "globex", "scopes", List.of("tenant-admin", "sales", "viewer"))).json().path("key").asText();
        Map<String, Credential> globex = Map.of(
                "globex-admin token", Credential.bearer(tokens.of("globex-admin", SuiteClient.PASSWORD)),
                "globex-sales token", Credential.bearer(tokens.of("globex-sales", SuiteClient.PASSWORD)),
                "globex API key", Credential.apiKey(globexKey));

        List<String> unknown = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        for (String service : SERVICES) {
            JsonNode paths = call(service, "GET", "/q/openapi?format=json", (Credential) null, null).json().path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    Access access = classify(method, path.getKey());
                    if (access == null) {
                        unknown.add(service + " " + method + " " + path.getKey());
                        continue;
                    }
                    if (access == Access.OTHER) {
                        continue;
                    }
                    String concrete = concrete(path.getKey());
                    for (Map.Entry<String, Credential> credential : globex.entrySet()) {
                        Reply reply = call(service, method, concrete, credential.getValue(), body(method, path.getKey()));
                        probes++;
                        String probe = credential.getKey() + " → " + service + " " + method + " " + concrete
                                + " = " + reply.status();
                        if (access != Access.TENANT && reply.status() != 403) {
                            leaks.add(probe + " (expected 403: not a tenant's endpoint) " + reply.body());
                        } else if (reply.status() >= 500) {
                            leaks.add(probe + " (server error) " + reply.body());
                        } else if (acme.values().stream().anyMatch(marker -> reply.body().contains(marker)
                                && !concrete.contains(marker))  // an id the caller sent, echoed, is not a leak
                                || reply.body().contains("\"acme\"")) {
                            leaks.add(probe + " (acme's data in the answer) " + reply.body());
                        }
                    }
                }
            }
        }
        System.out.printf("[matrix] %d probes over %d services%n", probes, SERVICES.size());
        assertThat(unknown).as("endpoints the cross-tenant matrix does not classify").isEmpty();
        assertThat(leaks).as("cross-tenant answers").isEmpty();
        assertThat(probes).isGreaterThan(60);
    }

    @Test
    @Order(3)
    void aSuspendedTenantsTokensAndKeysAreRefusedByEveryServiceWithinAMinute() throws Exception {
        String operator = tokens.of("operator", "operator");
        Credential sales = Credential.bearer(tokens.of("globex-sales", SuiteClient.PASSWORD));
        assertThat(call("ledger-service", "GET", "/api/ledger/balance", sales, null).status()).isEqualTo(200);

        assertThat(call("host-service", "POST", "/api/host/tenants/globex/suspension?reason=overdue", operator, null)
                .status()).isEqualTo(200);
        // The same token, still valid for minutes: tenant.updated reaches each service through Debezium and Kafka.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(call("ledger-service", "GET", "/api/ledger/balance", sales, null).status()).isEqualTo(403);
            assertThat(call("leads-service", "GET", "/api/leads/billing-summary", sales, null).status())
                    .isEqualTo(403);
            assertThat(call("host-service", "GET", "/api/host/usage", sales, null).status()).isEqualTo(403);
            assertThat(call("messaging-service", "GET", "/api/messaging/channels", sales, null).status())
                    .isEqualTo(403);
        });

        assertThat(call("host-service", "DELETE", "/api/host/tenants/globex/suspension", operator, null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                call("ledger-service", "GET", "/api/ledger/balance", sales, null).status() == 200);
    }

    /** acme owns a lead, a debit and a statement; their ids are what must never reach globex. */
    private static void prepareAcme(String operator) throws Exception {
        String grant = "matrix-acme-" + UUID.randomUUID();
        call("ledger-service", "POST", "/api/ledger/tenants/acme/grants", operator,
                Map.of("grantId", grant, "credits", 5, "reason", "PURCHASE"));
        Reply lead = call("leads-service", "POST", "/api/leads/qualifications",
                Credential.bearer(tokens.of("acme-sales", SuiteClient.PASSWORD)),
                Map.of("cnpj", ACME_CNPJ, "qualificationRunId", "matrix", "score", 90));
        assertThat(lead.status()).as(lead.body()).isIn(200, 201);
        acme.put("lead", lead.json().path("id").asText());
        acme.put("grant", grant);
        SuiteDatabases databases = new SuiteDatabases(suite.postgres(),
                Path.of(System.getProperty("dominus.home")).toAbsolutePath());
        await().atMost(SETTLED).until(() -> !databases.debits("acme").isEmpty());
        acme.put("debit", databases.debitIds("acme").get(0));
        Credential acmeAdmin = Credential.bearer(tokens.of("acme-admin", SuiteClient.PASSWORD));
        Reply channel = call("messaging-service", "POST", "/api/messaging/channels", acmeAdmin, Map.of(
                "kind", "WHATSAPP", "provider", "META", "address", "+5511940009001",
                "settings", Map.of("phoneNumberId", "matrix-acme"),
                "secrets", Map.of("accessToken", "t", "appSecret", "s", "verifyToken", "v")));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        acme.put("channel", channel.json().path("id").asText());
        assertThat(call("messaging-service", "POST", "/api/messaging/suppressions", acmeAdmin,
                Map.of("address", "+5511988009001")).status()).isEqualTo(201);
        acme.put("suppressed", "+5511988009001");
    }

    /** Every endpoint of the suite, by how it scopes its data; null: not classified yet. */
    static Access classify(String method, String path) {
        if (path.equals("/api/host/api-keys/introspection")) {
            return Access.SERVICE;
        }
        if (path.startsWith("/webhooks/")) {   // providers call them: the signature and the channel name the tenant
            return Access.OTHER;
        }
        if (path.startsWith("/api/host/billing") || path.equals("/api/host/usage")
                || path.equals("/api/ledger/balance") || path.equals("/api/ledger/statement")
                || path.equals("/api/leads") || path.startsWith("/api/leads/")
                || (path.startsWith("/api/messaging/") && !path.startsWith("/api/messaging/platform-suppressions"))) {
            return Access.TENANT;
        }
        if (path.startsWith("/api/host/tenants") || path.startsWith("/api/host/plans")
                || path.startsWith("/api/host/credit-packs") || path.startsWith("/api/host/api-keys")
                || path.startsWith("/api/ledger/tenants/") || path.startsWith("/api/ledger/debits/")
                || path.equals("/api/ledger/consistency") || path.startsWith("/api/messaging/platform-suppressions")) {
            return Access.HOST;
        }
        return null;
    }

    /** The path with acme's identifiers in its parameters: the other tenant asks for acme's things by their ids. */
    private static String concrete(String template) {
        if (template.startsWith("/api/messaging/channels/{id}")) {
            template = template.replace("{id}", acme.get("channel"));
        }
        return template.replace("{address}", acme.get("suppressed")).replace("{tenantId}", "acme").replace("{leadId}", acme.get("lead"))
                .replace("{cnpj}", ACME_CNPJ)
                .replace("{debitId}", acme.get("debit")).replace("{code}", "pack-100").replace("{name}", "Advogados")
                .replaceAll("\\{[A-Za-z]*[iI]d}", UUID.randomUUID().toString());
    }

    /** A body good enough to get past validation, so that authorization and scoping are what answers. */
    private static Object body(String method, String template) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        if (template.startsWith("/api/leads/qualifications")) {
            Map<String, Object> one = Map.of("cnpj", ACME_CNPJ, "qualificationRunId", "matrix", "score", 90);
            return template.endsWith("/batch") ? Map.of("qualifications", List.of(one)) : one;
        }
        if (template.equals("/api/leads/reviews/{cnpj}")) {
            return Map.of("decision", "NOT_INTERESTED");
        }
        return Map.of();
    }

    private static long balance(String tenant, String operator) throws Exception {
        return call("ledger-service", "GET", "/api/ledger/tenants/" + tenant + "/balance", operator, null).json()
                .path("balance").asLong();
    }

    record Credential(String header, String value) {
        static Credential bearer(String token) {
            return new Credential("Authorization", "Bearer " + token);
        }

        static Credential apiKey(String key) {
            return new Credential("X-API-KEY", key);
        }
    }

    record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply call(String service, String method, String path, String token, Object body) throws Exception {
        return call(service, method, path, token == null ? null : Credential.bearer(token), body);
    }

    private static Reply call(String service, String method, String path, Credential credential, Object body)
            throws Exception {
        URI uri = suite.instance(service).url(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header(credential.header(), credential.value());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
